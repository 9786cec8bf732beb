import type { ExportKubernetesResult } from '@shared/schemas/cluster';
import { Badge } from '../../components/Badge';

/** What an export wrote, and each Compose setting it could not map (never dropped silently). */
export function ExportResult({ result }: { result: ExportKubernetesResult }) {
  return (
    <div className="cluster-export" data-testid="cluster-export-result">
      <p role="status" data-testid="cluster-export-summary">
        {result.directory
          ? `Wrote ${result.files.length} manifests of ${result.project} to ${result.directory}; every one validates against the Kubernetes schemas.`
          : `No folder chosen: nothing was written. ${result.manifests} manifests of ${result.project} are ready to export.`}
      </p>
      {result.files.length > 0 && (
        <details>
          <summary>Files written</summary>
          <ul className="mono" data-testid="cluster-export-files">
            {result.files.map((file) => (
              <li key={file}>{file}</li>
            ))}
          </ul>
        </details>
      )}
      {result.findings.length > 0 && (
        <>
          <h3>Not carried over as is ({result.findings.length})</h3>
          <ul className="cluster-export-findings" data-testid="cluster-export-findings">
            {result.findings.map((finding, index) => (
              <li key={`${finding.service ?? ''}:${finding.property}:${index}`}>
                <Badge tone={finding.level === 'unmapped' ? 'warn' : 'info'}>{finding.level}</Badge>{' '}
                <span className="mono">{finding.service ?? 'project'}</span>:{' '}
                <span className="mono">{finding.property}</span> — {finding.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
