/**
 * The compose override Berth applies (its own file, never the user's) when GPUs are pinned to services from the
 * app or `berth gpus assign`. It is handed to the loader from memory on every load; the file at the same path is
 * written only when its content changes, so `docker compose -f … -f <override>` reproduces what Berth runs.
 */
import { Document, isSeq } from 'yaml';
import type { ComposeProject, InMemoryComposeFile } from '../model/project';
import { writeBerthFile } from './berth-files';
import { overrideFilePath } from './state-dir';

export interface GpuAssignment {
  service: string;
  /** GPU indexes or UUIDs; empty removes the assignment's effect by requesting no specific GPU. */
  deviceIds: string[];
}

/**
 * The override's YAML. Compose appends sequences across files, so the devices list carries `!override` to replace
 * the user's requests instead of adding to them, and `gpus: !reset []` drops a `gpus:` request (harmless when the
 * service has none), so only the pinned devices remain (Compose 2.24+).
 */
export function gpuAssignmentOverride(assignments: readonly GpuAssignment[]): string {
  const services = Object.fromEntries(
    assignments.map(({ service, deviceIds }) => [
      service,
      {
        deploy: {
          resources: {
            reservations: { devices: [{ driver: 'nvidia', device_ids: deviceIds, capabilities: ['gpu'] }] },
          },
        },
      },
    ]),
  );
  const document = new Document({ services });
  for (const { service } of assignments) {
    const devices = document.getIn(['services', service, 'deploy', 'resources', 'reservations', 'devices'], true);
    if (isSeq(devices)) devices.tag = '!override';
    const reset = document.createNode([]);
    reset.tag = '!reset';
    document.setIn(['services', service, 'gpus'], reset);
  }
  return document.toString();
}

/**
 * The override for `pinned` (service → device IDs) as an in-memory file, or undefined when no pin applies.
 * A service renamed or removed since it was pinned is left out: it would become a stub service without an image.
 */
export function gpuAssignmentFile(
  stateDir: string,
  project: ComposeProject,
  pinned: Readonly<Record<string, string[]>>,
): InMemoryComposeFile | undefined {
  const known = (service: string) =>
    Object.hasOwn(project.model.services, service) || Object.hasOwn(project.disabledServices, service);
  const assignments = Object.entries(pinned)
    .filter(([service]) => known(service))
    .map(([service, deviceIds]) => ({ service, deviceIds }));
  if (assignments.length === 0) return undefined;
  return {
    path: overrideFilePath(stateDir, project.name, 'gpu-assignment'),
    content: gpuAssignmentOverride(assignments),
  };
}

/**
 * For the GPU-assign operation, once a pin changed: writes the project's override file (only if its content
 * differs), or removes it when no pin applies any more.
 */
export async function writeGpuAssignmentOverride(
  stateDir: string,
  project: ComposeProject,
  pinned: Readonly<Record<string, string[]>>,
): Promise<void> {
  const path = overrideFilePath(stateDir, project.name, 'gpu-assignment');
  await writeBerthFile(path, gpuAssignmentFile(stateDir, project, pinned)?.content);
}
