/**
 * Compose configs become ConfigMaps and secrets become Secrets (one each, key = the Compose name), mounted as
 * single files where the service wants them. A source that can't be read gives an empty object and a finding, so
 * the export still completes and says what to fill in.
 */
import { isUtf8 } from 'node:buffer';
import type { FileObjectConfig } from '../compose/model/resources';
import type { ComposeService } from '../compose/model/service';
import { readFileObjectContent, type FileObjectKind } from '../swarm/convert/file-objects';
import type { ExportContext } from './export-context';
import { projectLabels, type KubeObject } from './kube-object';
import { dataKey, dnsLabel } from './kube-names';
import type { PodStorage } from './pod-volumes';

const SECRETS_DIR = '/run/secrets';

export function fileObjectName(context: ExportContext, kind: FileObjectKind, key: string): string {
  const config = context.project.model[kind]?.[key];
  return dnsLabel(config?.external ? (config.name ?? key) : `${kind === 'secrets' ? 'secret' : 'config'}-${key}`);
}

/** The ConfigMaps and Secrets of the configs and secrets the services use. */
export function fileObjects(context: ExportContext, kind: FileObjectKind): KubeObject[] {
  const objects = context.project.model[kind] ?? {};
  const used = new Set(
    Object.values(context.project.model.services).flatMap((service) => (service[kind] ?? []).map((ref) => ref.source)),
  );
  const out: KubeObject[] = [];
  for (const key of Object.keys(objects).sort()) {
    if (!used.has(key)) continue;
    const config = objects[key]!;
    if (config.external) {
      context.note(
        null,
        `${kind}.${key}`,
        'converted',
        `external → the ${kind === 'secrets' ? 'Secret' : 'ConfigMap'} ${fileObjectName(context, kind, key)} must exist`,
      );
      continue;
    }
    const content = readContent(context, kind, key, config);
    const metadata = { name: fileObjectName(context, kind, key), labels: projectLabels(context.projectLabel) };
    if (kind === 'secrets') {
      out.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata,
        type: 'Opaque',
        data: content ? { [dataKey(key)]: content.toString('base64') } : {},
      });
    } else if (content && !isUtf8(content)) {
      out.push({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata,
        binaryData: { [dataKey(key)]: content.toString('base64') },
      });
    } else {
      out.push({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata,
        data: content ? { [dataKey(key)]: content.toString('utf8') } : {},
      });
    }
  }
  return out;
}

function readContent(
  context: ExportContext,
  kind: FileObjectKind,
  key: string,
  config: FileObjectConfig,
): Buffer | null {
  if (config.driver) {
    context.note(
      null,
      `${kind}.${key}`,
      'unmapped',
      `driver ${config.driver}: the content comes from a ${kind === 'secrets' ? 'secret' : 'config'} store; fill the object in`,
    );
    return null;
  }
  try {
    return readFileObjectContent(context.project, kind, key, config);
  } catch (error) {
    context.note(
      null,
      `${kind}.${key}`,
      'unmapped',
      `${(error as Error).message} The object is exported empty; fill it in.`,
    );
    return null;
  }
}

/** Mounts each config or secret the service uses as one file, where Compose would put it. */
export function mountFileObjects(storage: PodStorage, kind: FileObjectKind, service: ComposeService): void {
  for (const reference of service[kind] ?? []) {
    const key = dataKey(reference.source);
    const target =
      reference.target ?? (kind === 'secrets' ? `${SECRETS_DIR}/${reference.source}` : `/${reference.source}`);
    const mountPath = target.startsWith('/') ? target : `${SECRETS_DIR}/${target}`;
    const name = fileObjectName(storage.context, kind, reference.source);
    const items = [{ key, path: key }];
    const volumeName = dnsLabel(`${kind === 'secrets' ? 'secret' : 'config'}-${reference.source}`);
    storage.mount(
      kind === 'secrets'
        ? { name: volumeName, secret: { secretName: name, items } }
        : { name: volumeName, configMap: { name, items } },
      { mountPath, readOnly: true, subPath: key },
    );
    if (reference.uid || reference.gid || reference.mode !== undefined)
      storage.context.note(
        storage.service,
        kind,
        'unmapped',
        `uid/gid/mode of ${reference.source}: set defaultMode or a securityContext`,
      );
  }
}
