import type * as Zod from 'zod';
import { JsonState } from '../../files/json-state';
import { buildOnFirstUse, loadZod } from '../../load-on-first-use';
import { gpuAssignmentsFile } from './state-dir';

/** zod loads with the first read or write of the pins, not with every `berth up`. */
const stateSchema = buildOnFirstUse(() => {
  const { z } = loadZod();
  return z.object({
    version: z.literal(1),
    /** project name → service name → GPU indexes or UUIDs. */
    projects: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  });
});
type GpuAssignmentsState = Zod.infer<ReturnType<typeof stateSchema>>;

export interface StoredGpuAssignment {
  project: string;
  service: string;
  deviceIds: string[];
}

/** GPUs the user pinned to services from the UI, kept in Berth's state (never in the project's files). */
export class GpuAssignmentsStore {
  private readonly state: () => JsonState<GpuAssignmentsState>;

  constructor(stateDir: string) {
    this.state = buildOnFirstUse(
      () => new JsonState(gpuAssignmentsFile(stateDir), stateSchema(), () => ({ version: 1 as const, projects: {} })),
    );
  }

  async list(): Promise<StoredGpuAssignment[]> {
    const { projects } = await this.state().read();
    return Object.entries(projects).flatMap(([project, services]) =>
      Object.entries(services).map(([service, deviceIds]) => ({ project, service, deviceIds })),
    );
  }

  async forProject(project: string): Promise<Record<string, string[]>> {
    return (await this.state().read()).projects[project] ?? {};
  }

  /** Pins `deviceIds` to the service; `null` removes the pin so the project's own request applies again. */
  set(project: string, service: string, deviceIds: string[] | null): Promise<void> {
    return this.state().update((state) => {
      const services = { ...state.projects[project] };
      if (deviceIds === null) delete services[service];
      else services[service] = deviceIds;
      if (Object.keys(services).length > 0) state.projects[project] = services;
      else delete state.projects[project];
    });
  }
}
