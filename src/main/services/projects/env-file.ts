/** The project's .env as the editor sees it: the text as written, and which keys hold secrets. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '@shared/errors';
import type { EnvFile } from '@shared/schemas/projects';
import { isSecretKey } from '@shared/secret-keys';
import { writeFileAtomic } from '../files/atomic-write';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=/;

export function envKeys(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const match = ASSIGNMENT.exec(line);
    return match ? [match[1]!] : [];
  });
}

export async function readEnvFile(directory: string): Promise<EnvFile> {
  const file = path.join(directory, '.env');
  let text = '';
  let exists = true;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new BerthError('E_INVALID_INPUT', `Could not read ${file}: ${(error as Error).message}`);
    }
    exists = false;
  }
  return { path: file, exists, text, secretKeys: envKeys(text).filter(isSecretKey) };
}

/** Saved atomically and readable by the owner only, since .env files hold credentials. */
export async function writeEnvFile(directory: string, text: string): Promise<void> {
  await writeFileAtomic(path.join(directory, '.env'), text, 0o600);
}
