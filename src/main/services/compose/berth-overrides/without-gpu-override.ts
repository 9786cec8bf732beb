/**
 * "Run without GPU": Berth's own override, never an edit of the user's files. The same change exists twice: as a
 * Compose override file (so `docker compose -f … -f <override>` sees what Berth runs) and applied to the loaded
 * model (so the config hash is the one Compose computes with that override).
 */
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ComposeProject, ComposeService } from '../../model/project';
import { serviceOf } from '../service-config';

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

/** Writes the override atomically (temp file + rename) and returns its path. */
export function writeWithoutGpuOverride(path: string, project: ComposeProject, services: string[]): string {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, withoutGpuOverride(project, services));
  renameSync(temp, path);
  return path;
}

/** The project as the override makes it: GPU requests removed from `services`, the override listed as a config file. */
export function projectWithoutGpus(project: ComposeProject, services: string[], overridePath?: string): ComposeProject {
  const next: Record<string, ComposeService> = { ...project.model.services };
  for (const service of services) {
    const { gpus: _gpus, ...rest } = next[service] as ComposeService & {
      gpus?: unknown;
      runtime?: string;
      deploy?: Record<string, unknown>;
    };
    const copy = rest as ComposeService & {
      runtime?: string;
      deploy?: { resources?: { reservations?: Record<string, unknown> } };
    };
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
    configFiles: overridePath ? [...project.configFiles, overridePath] : project.configFiles,
  };
}
