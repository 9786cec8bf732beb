import type * as Crypto from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BerthError } from '@shared/errors';
import { readJsonFile } from './docker-config';
import { buildOnFirstUse, loadOnFirstUse, loadZod } from '../load-on-first-use';

/** node:crypto (~5 ms) loads when a named context is looked up, not with every command on the default engine. */
const crypto = loadOnFirstUse<typeof Crypto>('node:crypto');

/** The name the docker CLI reserves for "no context": DOCKER_HOST or the platform's default socket. */
export const DEFAULT_CONTEXT_NAME = 'default';

/** The docker endpoint of a context stored by `docker context create`. */
export interface StoredContext {
  name: string;
  metaPath: string;
  host: string;
  skipTlsVerify: boolean;
  /** Where `docker context create --docker ca=...,cert=...,key=...` copied the TLS files. */
  tlsDir: string;
}

/** zod loads when a stored context is read: with the default engine, none is. */
const contextMetaSchema = buildOnFirstUse(() => {
  const { z } = loadZod();
  return z.object({
    Endpoints: z.object({
      docker: z.object({
        Host: z.string().min(1),
        SkipTLSVerify: z.boolean().optional(),
      }),
    }),
  });
});

/** The docker CLI stores each context under the sha256 of its name, so any name is a safe directory name. */
export function contextDirName(name: string): string {
  return crypto().createHash('sha256').update(name).digest('hex');
}

/** Whether `docker context create` made a context of that name. */
export function contextExists(configDir: string, name: string): boolean {
  return existsSync(join(configDir, 'contexts', 'meta', contextDirName(name), 'meta.json'));
}

/**
 * Reads `<config dir>/contexts/meta/<sha256(name)>/meta.json`. `selectedBy` says why this context is used
 * (e.g. `DOCKER_CONTEXT`), so the error tells the user what to change.
 */
export function readStoredContext(configDir: string, name: string, selectedBy: string): StoredContext {
  const dirName = contextDirName(name);
  const metaPath = join(configDir, 'contexts', 'meta', dirName, 'meta.json');
  const fix = `Run "berth engines ls" (or "docker context ls") to list engines, then pick one (or "default"), or fix ${selectedBy}.`;

  const meta = readJsonFile(metaPath);
  if (meta === undefined) {
    throw new BerthError(
      'E_ENGINE_UNREACHABLE',
      `Docker context "${name}" (from ${selectedBy}) does not exist: ${metaPath} is missing, and no engine of that name was added to Berth.`,
      {
        fix,
      },
    );
  }
  const parsed = contextMetaSchema().safeParse(meta);
  if (!parsed.success) {
    throw new BerthError(
      'E_ENGINE_UNREACHABLE',
      `Docker context "${name}" is broken: ${metaPath} has no Endpoints.docker.Host.`,
      {
        fix: `Recreate it with "docker context create ${name} --docker host=<address>", or switch with "docker context use default".`,
        details: { issues: parsed.error.issues },
      },
    );
  }
  const docker = parsed.data.Endpoints.docker;
  return {
    name,
    metaPath,
    host: docker.Host,
    skipTlsVerify: docker.SkipTLSVerify ?? false,
    tlsDir: join(configDir, 'contexts', 'tls', dirName, 'docker'),
  };
}

/** Every context `docker context create` made (unreadable ones are skipped: `readStoredContext` explains them). */
export function listStoredContexts(configDir: string): StoredContext[] {
  const metaDir = join(configDir, 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = readdirSync(metaDir);
  } catch {
    return [];
  }
  const contexts: StoredContext[] = [];
  for (const dir of dirs) {
    try {
      const meta = readJsonFile(join(metaDir, dir, 'meta.json')) as { Name?: unknown } | undefined;
      if (typeof meta?.Name !== 'string') continue;
      contexts.push(readStoredContext(configDir, meta.Name, 'docker context ls'));
    } catch {
      // A broken context is reported when it is used, not while listing.
    }
  }
  return contexts.sort((a, b) => a.name.localeCompare(b.name));
}
