import { writeGpuAssignmentOverride } from '../compose/berth-overrides/gpu-assignment-override';
import type { GpuAssignmentsStore } from '../compose/berth-overrides/gpu-assignments-store';
import type { ProjectCatalog } from './project-catalog';

/**
 * Pins GPUs to a service (null clears the pin) and, when the project's files are at hand, writes Berth's override
 * file at once, so `docker compose -f … -f <override>` sees the pin before Berth's next `up` (which writes it anyway).
 */
export async function pinGpus(
  deps: { store: GpuAssignmentsStore; stateDir: string; catalog: ProjectCatalog },
  project: string,
  service: string,
  deviceIds: string[] | null,
): Promise<void> {
  await deps.store.set(project, service, deviceIds);
  const summary = (await deps.catalog.list()).find((candidate) => candidate.name === project);
  const loaded = await deps.catalog
    .load(summary?.directory ? { directory: summary.directory } : { name: project })
    .catch(() => null);
  if (loaded) await writeGpuAssignmentOverride(deps.stateDir, loaded, await deps.store.forProject(project));
}
