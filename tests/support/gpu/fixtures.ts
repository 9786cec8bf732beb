import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The shared, read-only captures (see SOURCES.md there); never copied into the repo. */
export const FIXTURES_DIR = resolve(repoRoot, '../shared/fixtures');

/** The fixture folder, or null after printing one line saying why the tests using it are skipped. */
export function fixtureDir(kind: 'nvidia-smi' | 'rocm-smi'): string | null {
  const dir = join(FIXTURES_DIR, kind);
  if (existsSync(dir)) return dir;
  console.warn(`[gpu] ${kind} fixture tests skipped: ${dir} is absent.`);
  return null;
}

export function readFixture(dir: string, ...parts: string[]): string {
  return readFileSync(join(dir, ...parts), 'utf8');
}

export function listFixtures(dir: string, ...parts: string[]): string[] {
  return readdirSync(join(dir, ...parts)).sort();
}
