import type { DeclaredGpuRequest, GpuDevice, GpuRequest } from '@shared/schemas/gpu';
import { ErrorNote } from '../../components/ErrorNote';
import { projectKey } from '../../stores/project-key';
import { useBerthStore } from '../../stores/store';
import { StartWithoutGpu } from '../projects/StartWithoutGpu';
import { GpuAssignControl } from './GpuAssignControl';
import { gpuRequestLabel } from './gpu-requests-label';

type Row = (GpuRequest | DeclaredGpuRequest) & { directory?: string };

/** Running containers' requests and saved projects' declared ones, once each (a running one wins). */
function mergeRequests(running: GpuRequest[], declared: DeclaredGpuRequest[]): Row[] {
  const rows = new Map<string, Row>();
  for (const request of declared) rows.set(`${request.project}/${request.service}`, request);
  for (const request of running) {
    const key = `${request.project}/${request.service}`;
    rows.set(key, { ...request, directory: rows.get(key)?.directory });
  }
  return [...rows.values()].sort((a, b) => `${a.project}/${a.service}`.localeCompare(`${b.project}/${b.service}`));
}

/**
 * "Services that request GPUs": every service that asks, running or not, with its pin and, when the engine can't
 * give GPUs, the way to start it without.
 */
export function GpuRequestsPanel({
  running,
  gpus,
  engineHasGpus,
}: {
  running: GpuRequest[];
  gpus: readonly GpuDevice[];
  engineHasGpus: boolean | null;
}) {
  const declared = useBerthStore((state) => state.declaredGpuRequests);
  const assignmentsError = useBerthStore((state) => state.gpuAssignmentsError);
  const rows = mergeRequests(running, declared);
  if (rows.length === 0) return null;
  return (
    <section className="panel" data-testid="gpu-requests" aria-labelledby="gpu-requests-title">
      <h2 id="gpu-requests-title">Services that request GPUs</h2>
      {assignmentsError && <ErrorNote error={assignmentsError} testId="gpu-assignments-error" />}
      <ul className="gpu-requests">
        {rows.map((request) => (
          <li
            key={`${request.project}/${request.service}`}
            data-testid="gpu-request"
            data-service={`${request.project}/${request.service}`}
          >
            <span>
              <strong>
                {request.project} / {request.service}
              </strong>
              : {gpuRequestLabel(request)}
              {request.running ? ' (running)' : ''}
            </span>
            {engineHasGpus === false && request.directory && !request.running && (
              <StartWithoutGpu
                projectKey={projectKey({ name: request.project, directory: request.directory })}
                services={[request.service]}
              />
            )}
            <GpuAssignControl project={request.project} service={request.service} gpus={gpus} />
          </li>
        ))}
      </ul>
    </section>
  );
}
