import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BerthError } from '@shared/errors';

/** Client TLS files as the docker CLI names them inside a cert directory. */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

/**
 * Reads `ca.pem`, `cert.pem` and `key.pem` from `dir`, skipping absent ones as the docker CLI does.
 * When the server is verified the CA is required: without it Node would silently fall back to public CAs.
 */
export function loadTlsMaterial(dir: string, options: { requireCa: boolean; fix: string }): TlsMaterial {
  const material: TlsMaterial = {};
  for (const [field, fileName] of [
    ['ca', 'ca.pem'],
    ['cert', 'cert.pem'],
    ['key', 'key.pem'],
  ] as const) {
    const path = join(dir, fileName);
    if (!existsSync(path)) {
      if (field === 'ca' && options.requireCa) {
        throw new BerthError('E_ENGINE_UNREACHABLE', `TLS verification is on but ${path} does not exist.`, {
          fix: options.fix,
        });
      }
      continue;
    }
    try {
      material[field] = readFileSync(path);
    } catch (error) {
      throw new BerthError('E_ENGINE_UNREACHABLE', `Cannot read ${path}: ${(error as Error).message}`, {
        fix: options.fix,
        cause: error,
      });
    }
  }
  if ((material.cert === undefined) !== (material.key === undefined)) {
    const missing = material.cert === undefined ? 'cert.pem' : 'key.pem';
    throw new BerthError('E_ENGINE_UNREACHABLE', `${join(dir, missing)} is missing: a client certificate needs both.`, {
      fix: options.fix,
    });
  }
  return material;
}

/** Reads TLS files named one by one (a saved engine's `--ca/--cert/--key`), as `loadTlsMaterial` does a folder. */
export function loadTlsFiles(paths: { ca?: string; cert?: string; key?: string }, fix: string): TlsMaterial {
  const material: TlsMaterial = {};
  for (const field of ['ca', 'cert', 'key'] as const) {
    const path = paths[field];
    if (!path) continue;
    try {
      material[field] = readFileSync(path);
    } catch (error) {
      throw new BerthError('E_ENGINE_UNREACHABLE', `Cannot read ${path}: ${(error as Error).message}`, {
        fix,
        cause: error,
      });
    }
  }
  if ((material.cert === undefined) !== (material.key === undefined)) {
    throw new BerthError('E_ENGINE_UNREACHABLE', 'A client certificate needs both --cert and --key.', { fix });
  }
  return material;
}

export function hasTlsMaterial(material: TlsMaterial): boolean {
  return material.ca !== undefined || material.cert !== undefined;
}
