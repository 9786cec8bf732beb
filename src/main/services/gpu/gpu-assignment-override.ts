import { Document, isSeq } from 'yaml';

export interface GpuAssignment {
  service: string;
  /** GPU indexes or UUIDs; empty removes the assignment's effect by requesting no specific GPU. */
  deviceIds: string[];
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
  for (const { service } of assignments) {
    const devices = document.getIn(['services', service, 'deploy', 'resources', 'reservations', 'devices'], true);
    if (isSeq(devices)) devices.tag = '!override';
  }
  return document.toString();
}
