/**
 * "Run without GPU": Berth's own override, never an edit of the user's files. The same change exists twice: as a
 * Compose override (an in-memory file at a path in Berth's state, written before containers are created, so
 * `docker compose -f … -f <override>` sees what Berth runs) and applied to the loaded model (so the config hash is
 * the one Compose computes with that override).
 */
import type { ComposeProject, InMemoryComposeFile } from '../model/project';
import { serviceOf } from '../model/project';
import type { ComposeService } from '../model/service';
import { overrideFilePath } from './state-dir';

/** YAML text of an override that drops GPU requests from `services` (`!reset` removes a key, Compose ≥ 2.24). */
export function withoutGpuOverride(project: ComposeProject, services: string[]): string {
  const lines = [
    '# Written by Berth: runs these services without GPUs. Remove this file to use GPUs again.',
    'services:',
  ];
  for (const service of services) {
    const config = serviceOf(project, service);
    lines.push(`  ${JSON.stringify(service)}:`);
    if (config.deploy?.resources?.reservations?.devices)
      lines.push('    deploy:', '      resources:', '        reservations:', '          devices: !reset []');
    if (config.gpus !== undefined) lines.push('    gpus: !reset []');
    if (config.runtime && /nvidia/i.test(config.runtime)) lines.push('    runtime: !reset ""');
  }
  return `${lines.join('\n')}\n`;
}

/** The override as the in-memory file Berth adds to the project (at its place in Berth's state directory). */
export function withoutGpuFile(stateDir: string, project: ComposeProject, services: string[]): InMemoryComposeFile {
  return {
    path: overrideFilePath(stateDir, project.name, 'without-gpu'),
    content: withoutGpuOverride(project, services),
  };
}

/** The project as the override makes it: GPU requests removed from `services`, the override among its files. */
export function projectWithoutGpus(
  project: ComposeProject,
  services: string[],
  override: InMemoryComposeFile,
): ComposeProject {
  const next: Record<string, ComposeService> = { ...project.model.services };
  for (const service of services) {
    const { gpus: _gpus, ...copy } = serviceOf(project, service);
    if (copy.runtime && /nvidia/i.test(copy.runtime)) delete copy.runtime;
    const reservations = copy.deploy?.resources?.reservations;
    if (reservations?.devices) {
      const { devices: _devices, ...keep } = reservations;
      copy.deploy = { ...copy.deploy, resources: { ...copy.deploy!.resources, reservations: keep } };
    }
    next[service] = copy;
  }
  return {
    ...project,
    model: { ...project.model, services: next },
    configFiles: [...project.configFiles, override.path],
    berthFiles: [...project.berthFiles, override],
  };
}
