import { useEffect, useMemo } from 'react';
import type { ProjectSummary } from '@shared/schemas/projects';
import { ErrorNote } from '../../components/ErrorNote';
import { BuildTimeline } from '../builds/BuildTimeline';
import { useEngineGate } from '../../status/engine-gate';
import { projectSummary } from '../../status/project-summary';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { useStatsInterest } from '../stats/stats-feed';
import { DownDialog } from './DownDialog';
import { EnvEditor } from './EnvEditor';
import { OperationBanner } from './OperationBanner';
import { ProjectHeader } from './ProjectHeader';
import { containersByService } from './project-state';
import { StackGroups } from './StackGroups';

/** GPU capability is asked once for projects whose services request GPUs, for the switches' "needs a GPU" badge. */
function useGpuCapabilityFor(needed: boolean): void {
  const known = useBerthStore((state) => state.gpuOverview !== null || state.gpuOverviewLoading);
  const load = useBerthStore((state) => state.loadGpuOverview);
  useEffect(() => {
    if (needed && !known) void load();
  }, [needed, known, load]);
}

/** One project: its header and actions, the running operation, and its services grouped by stack, live. */
export function ProjectView({ project }: { project: ProjectSummary }) {
  const key = projectKey(project);
  const entry = useBerthStore((state) => state.details[key]);
  const loadDetail = useBerthStore((state) => state.loadDetail);
  const runCompose = useBerthStore((state) => state.runCompose);
  const operation = useBerthStore((state) => state.operations[key]);
  const errors = useBerthStore((state) => state.serviceErrors[key]);
  const containers = useBerthStore((state) => state.containers);
  const gate = useEngineGate();
  // Its cards show live figures: only this project's containers are sampled, and only while it is on screen.
  useStatsInterest(gate.connected ? { projects: [project.name] } : null);
  const byService = useMemo(() => containersByService(containers, project.name), [containers, project.name]);
  const requested = useBerthStore((state) => state.projectsDialog);
  const setProjectsDialog = useBerthStore((state) => state.setProjectsDialog);
  const dialog =
    (requested?.kind === 'down' || requested?.kind === 'env') && requested.projectKey === key ? requested.kind : null;
  const setDialog = (kind: 'down' | 'env' | null) => setProjectsDialog(kind ? { kind, projectKey: key } : null);

  // Reloaded when the list reports other files (COMPOSE_FILE changed in .env, say).
  const files = project.configFiles.join('\n');
  useEffect(() => {
    void loadDetail(key);
  }, [loadDetail, key, files]);

  const detail = entry?.detail;
  useGpuCapabilityFor(detail?.services.some((service) => service.gpu !== null) ?? false);
  const summary = projectSummary(byService, gate.connected, detail?.services.length);

  return (
    <section
      className="project-view"
      data-testid="project-view"
      data-project={project.name}
      aria-label={`Project ${project.name}`}
    >
      <ProjectHeader
        projectKey={key}
        project={project}
        summary={summary}
        operation={operation}
        loaded={Boolean(detail)}
        hasContainers={byService.size > 0}
        watchable={detail?.services.some((service) => service.watch) ?? false}
        onDown={() => setDialog('down')}
        onEditEnv={() => setDialog('env')}
      />
      {!gate.connected && (
        <p className="engine-note" data-testid="engine-unknown-note">
          {gate.reason} States below are unknown until it is back; actions wait for it.
        </p>
      )}
      {project.problem && (
        <ErrorNote error={{ code: 'E_COMPOSE_INVALID', message: project.problem }} testId="project-problem" />
      )}
      {entry?.error && <ErrorNote error={entry.error} testId="project-error" />}
      {operation && operation.status !== 'done' && (
        <OperationBanner projectKey={key} project={project.name} operation={operation} />
      )}
      {operation &&
        Object.entries(operation.builds).map(([service, timeline]) => (
          <BuildTimeline key={service} service={service} timeline={timeline} />
        ))}
      {dialog === 'down' && (
        <DownDialog
          project={project.name}
          volumes={detail?.volumes ?? []}
          onCancel={() => setDialog(null)}
          onDown={(removeVolumes) => {
            setDialog(null);
            runCompose(key, 'down', [], removeVolumes ? { removeVolumes } : {});
          }}
        />
      )}
      {dialog === 'env' && project.directory && (
        <EnvEditor directory={project.directory} onClose={() => setDialog(null)} />
      )}
      {detail?.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
      {detail && (
        <StackGroups
          projectKey={key}
          detail={detail}
          byService={byService}
          operation={operation}
          errors={errors ?? {}}
        />
      )}
      {!detail && !entry?.error && <p className="empty">Loading {project.name}…</p>}
    </section>
  );
}
