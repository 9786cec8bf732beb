import { useEffect, useState } from 'react';
import { FileDown, Rocket } from 'lucide-react';
import type { ErrorPayload } from '@shared/errors';
import type { ExportKubernetesResult } from '@shared/schemas/cluster';
import type { ProjectSummary } from '@shared/schemas/projects';
import { api } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import { DeployDialog } from './DeployDialog';
import { ExportResult } from './ExportResult';

/** A project of the Projects page, deployed to the swarm as a stack or exported as Kubernetes manifests. */
export function ProjectActions({ swarmReady }: { swarmReady: boolean }) {
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [selected, setSelected] = useState('');
  const [deploying, setDeploying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportKubernetesResult | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    void api.projects.list().then((result) => {
      if (!result.ok) return setError(result.error);
      const usable = result.value.filter((project) => project.directory !== null && project.problem === null);
      setProjects(usable);
      setSelected((current) => current || (usable[0]?.directory ?? ''));
    });
  }, []);

  const project = projects.find((candidate) => candidate.directory === selected) ?? null;

  const exportProject = async () => {
    if (!project?.directory) return;
    setExporting(true);
    setError(null);
    const result = await api.cluster.exportKubernetes({ project: { directory: project.directory } });
    setExporting(false);
    setExported(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
  };

  return (
    <section className="panel" aria-labelledby="cluster-project-title" data-testid="cluster-project-actions">
      <h2 id="cluster-project-title">Deploy or export a project</h2>
      {projects.length === 0 ? (
        <p className="empty">Add a project on the Projects page to deploy it to the swarm or export it.</p>
      ) : (
        <div className="toolbar">
          <label className="inline-field">
            <span>Project</span>
            <select
              value={selected}
              onChange={(event) => {
                setSelected(event.target.value);
                setExported(null);
              }}
              data-testid="cluster-project"
            >
              {projects.map((candidate) => (
                <option key={candidate.directory} value={candidate.directory!}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <Button
            size="sm"
            variant="primary"
            icon={<Rocket size={14} aria-hidden="true" />}
            disabled={!project || !swarmReady}
            title={swarmReady ? undefined : 'Needs an engine that is a swarm manager'}
            onClick={() => setDeploying(true)}
            data-testid="cluster-deploy"
          >
            Deploy to swarm…
          </Button>
          <Button
            size="sm"
            icon={<FileDown size={14} aria-hidden="true" />}
            disabled={!project || exporting}
            pending={exporting}
            onClick={() => void exportProject()}
            data-testid="cluster-export"
          >
            Export to Kubernetes…
          </Button>
        </div>
      )}
      {error && <ErrorNote error={error} testId="cluster-project-error" onDismiss={() => setError(null)} />}
      {exported && <ExportResult result={exported} />}
      {deploying && project && <DeployDialog project={project} onClose={() => setDeploying(false)} />}
    </section>
  );
}
