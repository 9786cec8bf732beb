import type { CleanupResult } from '@shared/schemas/disk';
import { CLEANUP_LABELS, formatBytes, plural } from './format';

/** "Reclaimed 1.2 GB", what went by kind, and what stayed with why. */
export function CleanupResultView({ result }: { result: CleanupResult }) {
  const skipped = result.sections.flatMap((section) => section.skipped);
  return (
    <div className="disk-cleanup-result" role="status" data-testid="disk-cleanup-result">
      <p className="disk-reclaimed">Reclaimed {formatBytes(result.reclaimedBytes)}</p>
      <ul>
        {result.sections.map((section) => (
          <li key={section.kind}>
            {CLEANUP_LABELS[section.kind]}: removed {plural(section.removed.length, 'item')}
            {section.removed.length > 0 && <span className="muted"> · {formatBytes(section.reclaimedBytes)}</span>}
          </li>
        ))}
      </ul>
      {skipped.length > 0 && (
        <>
          <p className="warning">{plural(skipped.length, 'item')} stayed:</p>
          <ul className="disk-confirm-list">
            {skipped.map((item) => (
              <li key={item.id}>
                <span className="mono">{item.name}</span> <span className="muted">— {item.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
