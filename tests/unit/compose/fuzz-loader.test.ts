/**
 * Fuzz: mutates the corpus' Compose files (text-level and YAML-level mutations) and loads each variant.
 * Every input must give a model or a structured BerthError (E_COMPOSE_FILE / E_COMPOSE_INVALID) — never
 * another exception. Runs when ../shared/compose-corpus exists; uses a temporary copy of it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import { loadProject } from '../../../src/main/services/compose/load';
import { parseComposeFlags } from '../../../src/main/cli/compose-flags';
import {
  corpusAvailable,
  CORPUS_DIR,
  readCorpusRuns,
  SCRUBBED_PATH,
  type CorpusRun,
} from '../../support/compose-corpus';

const FUZZ_RUNS = 10_000;
// The largest project dominates the run time; it keeps a share of the inputs, not all of them.
const LARGE_FILE_BYTES = 20_000;
const LARGE_FILE_PERCENT = 1;
// Re-printing YAML costs more than loading it; a tenth of the mutations are structural.
const YAML_MUTATION_SHARE = 0.1;
const COMPOSE_CODES = new Set(['E_COMPOSE_FILE', 'E_COMPOSE_INVALID']);
const TOKENS = [
  '$',
  '${',
  '}',
  '${X:-',
  '${X:?}',
  '$$',
  ':',
  ': ',
  '-',
  '- ',
  '"',
  "'",
  '\n',
  '  ',
  '#',
  '&a',
  '*a',
  '<<: *a',
  '!reset',
  '!override',
  '[',
  ']',
  '{',
  '}',
  '0',
  '1.5',
  'true',
  '~',
  '\t',
  '@',
];

interface Target {
  run: CorpusRun;
  file: string;
  original: string;
}

const available = corpusAvailable();
// A memory-backed directory when there is one: the fuzz writes a file per input.
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const workRoot = available ? mkdtempSync(join(SCRATCH, 'berth-fuzz-')) : '';

afterAll(() => {
  if (workRoot) rmSync(workRoot, { recursive: true, force: true });
});

function fuzzTargets(): Target[] {
  cpSync(CORPUS_DIR, workRoot, { recursive: true });
  const targets: Target[] = [];
  for (const run of readCorpusRuns().filter((candidate) => !candidate.remove_dotenv)) {
    for (const file of parseComposeFlags(run.args).flags.files ?? []) {
      const path = join(workRoot, run.entry, file);
      targets.push({ run, file: path, original: readFileSync(path, 'utf8') });
    }
  }
  return targets;
}

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

const textMutations: Mutation[] = [
  (text, random) => {
    const start = Math.floor(random() * text.length);
    return text.slice(0, start) + text.slice(start + 1 + Math.floor(random() * 40));
  },
  (text, random) => {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + pick(TOKENS, random) + text.slice(at);
  },
  (text, random) => {
    const lines = text.split('\n');
    const [a, b] = [Math.floor(random() * lines.length), Math.floor(random() * lines.length)];
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    const at = Math.floor(random() * lines.length);
    lines.splice(at, 0, lines[Math.floor(random() * lines.length)]!);
    return lines.join('\n');
  },
];

const REPLACEMENTS: unknown[] = [
  null,
  '',
  'x',
  '${UNSET}',
  '${BAD',
  0,
  -1,
  1.5,
  true,
  [],
  {},
  ['a', 1],
  { a: null },
  '80:80',
  'a:b:c:d',
];

/** Replaces one random node of the parsed YAML by a value of another type, then prints it back. */
const yamlMutation: Mutation = (text, random) => {
  let data: unknown;
  try {
    data = parse(text, { merge: true, maxAliasCount: -1, logLevel: 'error' });
  } catch {
    return text;
  }
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value))
      value.forEach((item, index) => (nodes.push({ parent: value, key: index }), collect(item)));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        nodes.push({ parent: value as Record<string, unknown>, key });
        collect(item);
      }
    }
  };
  collect(data);
  if (nodes.length === 0) return text;
  const { parent, key } = pick(nodes, random);
  (parent as Record<string | number, unknown>)[key] = structuredClone(pick(REPLACEMENTS, random));
  return stringify(data);
};

/** YAML-level mutations re-print the whole file; on the largest file only the cheap text mutations run. */
function mutate(text: string, seed: number, count: number, allowYamlMutation: boolean): string {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  let out = text;
  for (let i = 0; i < count; i++) {
    out = (allowYamlMutation && random() < YAML_MUTATION_SHARE ? yamlMutation : pick(textMutations, random))(
      out,
      random,
    );
  }
  return out;
}

describe.skipIf(!available)('fuzzing the loader with mutated corpus files', () => {
  it(`yields a model or a structured error for ${FUZZ_RUNS} inputs`, async () => {
    const targets = fuzzTargets();
    const small = targets.filter((target) => target.original.length < LARGE_FILE_BYTES);
    const large = targets.filter((target) => target.original.length >= LARGE_FILE_BYTES);
    const outcomes = { loaded: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 99 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        async (percent, choice, seed, count) => {
          const pool = percent < LARGE_FILE_PERCENT && large.length > 0 ? large : small;
          const target = pool[choice % pool.length]!;
          writeFileSync(target.file, mutate(target.original, seed, count, pool === small));
          try {
            const entryDir = join(workRoot, target.run.entry);
            const { flags } = parseComposeFlags(target.run.args);
            await loadProject({
              ...flags,
              workingDir: entryDir,
              env: { PATH: SCRUBBED_PATH, HOME: '/root', PWD: entryDir, ...target.run.env },
            });
            outcomes.loaded++;
          } catch (error) {
            if (!(error instanceof BerthError) || !COMPOSE_CODES.has(error.code)) throw error;
            outcomes.rejected++;
          } finally {
            writeFileSync(target.file, target.original);
          }
        },
      ),
      { numRuns: FUZZ_RUNS, seed: 20261123 },
    );
    console.info(
      `[fuzz] ${FUZZ_RUNS} inputs: ${outcomes.loaded} loaded, ${outcomes.rejected} rejected with a structured error`,
    );
    expect(outcomes.loaded + outcomes.rejected).toBe(FUZZ_RUNS);
    expect(outcomes.loaded).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  }, 120_000);
});
