/**
 * The recorded Compose v2 runs of ../shared/compose-corpus (see its SOURCES.md and runs.json), and a way to
 * replay one through `berth config` in-process. Runs that need the entry's `.env` removed are replayed on a
 * temporary copy, since the corpus is read-only.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { configCommand } from '../../src/main/cli/commands/config';

export const REPO_ROOT = resolve(__dirname, '../..');
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/compose-corpus');
export const CORPUS_PLACEHOLDER = '@CORPUS@';
/** The scrubbed environment the reference runs used, besides PWD. */
export const SCRUBBED_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface CorpusRun {
  entry: string;
  run: string;
  args: string[];
  env: Record<string, string>;
  remove_dotenv: boolean;
  ok: boolean;
  expected: string;
  note?: string;
}

export interface RunOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The corpus root the run used (the real one, or a temporary copy). */
  corpusRoot: string;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'runs.json'));
}

export function readCorpusRuns(): CorpusRun[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'runs.json'), 'utf8')) as CorpusRun[];
}

export function expectedOutput(run: CorpusRun, corpusRoot: string): string {
  return readFileSync(join(CORPUS_DIR, run.entry, run.expected), 'utf8').replaceAll(CORPUS_PLACEHOLDER, corpusRoot);
}

export async function replayRun(run: CorpusRun): Promise<RunOutcome> {
  const corpusRoot = run.remove_dotenv ? copyWithoutDotenv(run.entry) : CORPUS_DIR;
  try {
    const entryDir = join(corpusRoot, run.entry);
    const stdout = new Capture();
    const stderr = new Capture();
    const exitCode = await configCommand.run([...run.args, '--format', 'json'], {
      cwd: entryDir,
      env: { PATH: SCRUBBED_PATH, HOME: process.env.HOME ?? '/root', PWD: entryDir, ...run.env },
      stdout,
      stderr,
      isTty: false,
    });
    return { exitCode, stdout: stdout.text, stderr: stderr.text, corpusRoot };
  } finally {
    if (corpusRoot !== CORPUS_DIR) rmSync(corpusRoot, { recursive: true, force: true });
  }
}

function copyWithoutDotenv(entry: string): string {
  const root = mkdtempSync(join(tmpdir(), 'berth-corpus-'));
  cpSync(join(CORPUS_DIR, entry), join(root, entry), { recursive: true });
  rmSync(join(root, entry, '.env'), { force: true });
  return root;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Key order ignored (maps sorted), array order kept. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeysDeep(item)]));
  }
  return value;
}

/** The error line Compose printed (warnings with `level=warning` left out). */
export function expectedErrorMessage(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('time='))
    .join('\n');
}
