import { Document, isSeq } from 'yaml';

export interface GpuAssignment {
  service: string;
  /** GPU indexes or UUIDs; empty removes the assignment's effect by requesting no specific GPU. */
  deviceIds: string[];
  /** The service also asks for GPUs with `gpus:`; that request is reset so only the pinned devices remain. */
  resetGpusKey?: boolean;
}

/**
 * The compose override Berth writes (its own file, never the user's) when GPUs are assigned from the UI.
 * Compose appends sequences across files, so the devices list carries `!override` to replace the user's
 * requests instead of adding to them (Compose 2.24+).
 */
export function gpuAssignmentOverride(assignments: GpuAssignment[]): string {
  const services: Record<string, unknown> = {};
  for (const { service, deviceIds } of assignments) {
    services[service] = {
      deploy: {
        resources: {
          reservations: { devices: [{ driver: 'nvidia', device_ids: deviceIds, capabilities: ['gpu'] }] },
        },
      },
    };
  }
  const document = new Document({ services });
  for (const { service, resetGpusKey } of assignments) {
    const devices = document.getIn(['services', service, 'deploy', 'resources', 'reservations', 'devices'], true);
    if (isSeq(devices)) devices.tag = '!override';
    if (resetGpusKey) {
      const reset = document.createNode([]);
      reset.tag = '!reset';
      document.setIn(['services', service, 'gpus'], reset);
    }
  }
  return document.toString();
}
