/** Manifests as YAML: the same objects always give the same bytes (no timestamps, fixed key order, fixed width). */
import { stringify } from 'yaml';
import type { KubeObject } from './kube-object';

export function manifestYaml(object: KubeObject): string {
  return stringify(object, { lineWidth: 0, indent: 2, sortMapEntries: false, aliasDuplicateObjects: false });
}

/** All manifests as one multi-document stream, for stdout or `kubectl apply -f -`. */
export function manifestsYaml(objects: readonly KubeObject[]): string {
  return objects.map((object) => `---\n${manifestYaml(object)}`).join('');
}

/** `<name>-<kind>.yaml`, one file per object. */
export function manifestFileName(object: KubeObject): string {
  return `${object.metadata.name}-${object.kind.toLowerCase()}.yaml`;
}
