/**
 * Which compose files make a folder's project when the user adds it: Compose's default names (or COMPOSE_FILE in
 * its .env) need no list; a `docker/compose.<stack>.yml` layout becomes the set of `-f` files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '@shared/errors';

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const STACK_FILE = /^(docker-)?compose[.-][\w.-]+\.ya?ml$/;

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

async function dotenvNamesComposeFile(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, '.env'), 'utf8').catch(() => '');
  return /^\s*(export\s+)?COMPOSE_FILE\s*=/m.test(text);
}

/** Compose files relative to `directory`; empty means Compose's own defaults apply. */
export async function detectComposeFiles(directory: string): Promise<string[]> {
  const info = await stat(directory).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BerthError('E_INVALID_INPUT', `${directory} is not a folder.`, {
      fix: 'Choose the folder that holds your compose.yaml.',
    });
  }
  const top = await entries(directory);
  if (top.some((name) => DEFAULT_FILES.includes(name)) || (await dotenvNamesComposeFile(directory))) return [];
  for (const folder of ['.', 'docker', 'compose']) {
    const names = folder === '.' ? top : await entries(path.join(directory, folder));
    const stackFiles = names.filter((name) => STACK_FILE.test(name)).sort(baseFirst);
    if (stackFiles.length > 0) return stackFiles.map((name) => path.join(folder, name));
  }
  throw new BerthError('E_INVALID_INPUT', `There is no Compose file in ${directory}.`, {
    fix: 'Choose a folder with a compose.yaml (or docker-compose.yml, or docker/compose.<stack>.yml files), or create one from a template.',
  });
}

/** `compose.base.yml`/`compose.yml` before `compose.gpu.yml`, so later files override the base one. */
function baseFirst(a: string, b: string): number {
  const rank = (name: string) => (/[.-](base|common|core)\.ya?ml$/.test(name) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
