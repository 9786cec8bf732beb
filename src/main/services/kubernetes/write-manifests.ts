/** Writes an export to a directory, one file per object; Secrets readable by their owner only. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from './kube-object';
import { manifestFileName, manifestYaml } from './manifest-yaml';

export function writeManifests(directory: string, objects: readonly KubeObject[]): string[] {
  mkdirSync(directory, { recursive: true });
  return objects.map((object) => {
    const path = join(directory, manifestFileName(object));
    writeFileSync(path, manifestYaml(object));
    chmodSync(path, object.kind === 'Secret' ? 0o600 : 0o644);
    return path;
  });
}
