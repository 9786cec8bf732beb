/**
 * Secrets and configs: their content (from a file, an environment variable or inline) for the engine, and the
 * references services hold. Content never leaves this module but in the spec sent to the engine: errors name the
 * object, its source and the services using it, never the data.
 */
import { readFileSync } from 'node:fs';
import { BerthError } from '@shared/errors';
import type { ComposeProject } from '../../compose/model/project';
import type { FileObjectConfig } from '../../compose/model/resources';
import type { ComposeService, FileReferenceConfig } from '../../compose/model/service';
import type { FileObjectSpec, FileTarget } from '../swarm-spec';
import { withStackLabel } from '../stack-labels';
import { stackResourceName, type StackContext } from './stack-context';

export type FileObjectKind = 'secrets' | 'configs';

export interface StackFileObject {
  /** The key under the top-level `secrets:`/`configs:`. */
  key: string;
  spec: FileObjectSpec;
}

const SECRETS_DIR = '/run/secrets/';
const DEFAULT_MODE = 0o444;

/** Every secret or config the stack creates (external ones exist already), content read now. */
export function convertFileObjects(context: StackContext, kind: FileObjectKind): StackFileObject[] {
  const objects = context.project.model[kind] ?? {};
  const converted: StackFileObject[] = [];
  for (const key of Object.keys(objects).sort()) {
    const config = objects[key]!;
    if (config.external) continue;
    const spec: FileObjectSpec = {
      Name: stackResourceName(context, key, config),
      Labels: withStackLabel(context.stack, config.labels),
      Data: config.driver ? '' : readFileObjectContent(context.project, kind, key, config).toString('base64'),
    };
    if (config.driver) spec.Driver = { Name: config.driver, Options: config.driver_opts };
    if (config.template_driver) spec.Templating = { Name: config.template_driver };
    converted.push({ key, spec });
  }
  return converted;
}

/** The content of a secret or config: inline, from a variable, or from its file; a BerthError naming its users if missing. */
export function readFileObjectContent(
  project: ComposeProject,
  kind: FileObjectKind,
  key: string,
  config: FileObjectConfig,
): Buffer {
  const what = `${kind === 'secrets' ? 'Secret' : 'Config'} "${key}"${usedBy(kind, key, project.model.services)}`;
  if (config.content !== undefined) return Buffer.from(config.content);
  if (config.environment !== undefined) {
    const value = project.environment[config.environment];
    if (value === undefined) {
      throw new BerthError('E_COMPOSE_FILE', `${what} reads the variable ${config.environment}, which is not set.`, {
        fix: `Set ${config.environment} in the environment or the .env file, then deploy again.`,
        details: { kind, key },
      });
    }
    return Buffer.from(value);
  }
  if (config.file !== undefined) {
    try {
      return readFileSync(config.file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new BerthError(
        'E_COMPOSE_FILE',
        `${what}: the file ${config.file} ${missing ? 'does not exist' : (error as Error).message}.`,
        {
          fix: `Create ${config.file} or point \`${kind}.${key}.file\` at an existing file, then deploy again.`,
          // As a missing Compose file: `berth` exits with Compose's code for it (14).
          details: { kind, key, file: config.file, ...(missing ? { failure: 'file-not-found' } : {}) },
        },
      );
    }
  }
  throw new BerthError('E_COMPOSE_INVALID', `${what} has no file, environment or content.`, {
    fix: `Give \`${kind}.${key}\` a file, an environment variable or content, or mark it external.`,
    details: { kind, key },
  });
}

function usedBy(kind: FileObjectKind, key: string, services: Record<string, ComposeService>): string {
  const users = Object.keys(services).filter((name) => services[name]![kind]?.some((ref) => ref.source === key));
  if (!users.length) return '';
  return ` (used by service${users.length > 1 ? 's' : ''} ${users.map((name) => `"${name}"`).join(', ')})`;
}

export interface FileReference {
  File: FileTarget;
  /** The engine name of the secret or config; the engine id is added once it exists. */
  Name: string;
}

/** A service's `secrets:`/`configs:` entries, sorted by name so an unchanged file gives an unchanged spec. */
export function convertFileReferences(
  context: StackContext,
  kind: FileObjectKind,
  references: FileReferenceConfig[] | undefined,
): FileReference[] | undefined {
  if (!references?.length) return undefined;
  const objects = context.project.model[kind] ?? {};
  return references
    .map((reference) => ({
      Name: stackResourceName(context, reference.source, objects[reference.source]),
      File: {
        Name: fileTarget(kind, reference),
        UID: reference.uid ?? '0',
        GID: reference.gid ?? '0',
        Mode: reference.mode ?? DEFAULT_MODE,
      },
    }))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/**
 * The loader writes a short-form secret's target as `/run/secrets/<source>`; `docker stack deploy` sends the bare
 * source (Swarm puts it in /run/secrets). Same place, but the spec must be the CLI's to compare equal.
 */
function fileTarget(kind: FileObjectKind, reference: FileReferenceConfig): string {
  const target = reference.target || reference.source;
  if (kind === 'secrets' && target === `${SECRETS_DIR}${reference.source}`) return reference.source;
  return target;
}
