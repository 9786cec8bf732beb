/**
 * Hostile and broken Compose files (issue 20.7, 20.8): `berth config` is spawned on each and must end with a
 * clear error (or, for what Compose accepts, the same result as Compose) within a time bound and a memory bound
 * measured from the process itself (its max RSS, written by report-rusage.mjs when it exits).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../src/main/cli/exit-codes';
import { runBerth } from '../../support/spawn-berth';
import {
  composeCliAvailable,
  composeConfig,
  errorOf,
  jsonDifferences,
  projectDir,
  scrubbedEnv,
} from './compose-oracle';

const available = await composeCliAvailable();
const rusageDir = mkdtempSync(path.join(tmpdir(), 'berth-rusage-'));
afterAll(() => rmSync(rusageDir, { recursive: true, force: true }));

/**
 * Every hostile input: an answer within 5 s of CPU time and 300 MiB (Node itself takes about 60 MiB). CPU time,
 * not wall time, is bounded: on a busy shared machine the wall clock says more about the neighbours. The wall
 * clock only catches a hang.
 */
const CPU_BOUND_MS = 5_000;
const RSS_BOUND_KIB = 300 * 1024;
const HANG_BOUND_MS = 60_000;

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKiB: number;
  cpuMs: number;
}

let runs = 0;
async function measuredConfig(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<Measured> {
  const report = path.join(rusageDir, `${++runs}.json`);
  const run = await runBerth(['config', ...args], {
    cwd: dir,
    env: scrubbedEnv({
      ...env,
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(__dirname, 'report-rusage.mjs')).href}`,
      BERTH_TEST_RUSAGE_FILE: report,
    }),
    exitWithinMs: HANG_BOUND_MS,
  });
  const usage = JSON.parse(readFileSync(report, 'utf8')) as {
    maxRSS: number;
    userCPUTime: number;
    systemCPUTime: number;
  };
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, maxRssKiB: usage.maxRSS, cpuMs };
}

function expectBounded(run: Measured, cpuMs = CPU_BOUND_MS, rssKiB = RSS_BOUND_KIB) {
  expect(run.maxRssKiB).toBeLessThan(rssKiB);
  expect(run.cpuMs).toBeLessThan(cpuMs);
}

const SERVICE = 'services:\n  s:\n    image: busybox\n';

function aliasBomb(levels: number): string {
  const lines = ['x-bomb:', '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `  a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n${SERVICE}`;
}

describe('hostile Compose files end in a clear error, in bounded time and memory', () => {
  it('an alias bomb (9^9 nodes)', async () => {
    const run = await measuredConfig(projectDir({ 'compose.yaml': aliasBomb(9) }));
    expect(run.code).toBe(EXIT_CODES.composeInvalid);
    expect(run.stderr).toContain('excessive aliasing');
    expect(run.stderr).toContain('BERTH_COMPOSE_MAX_ALIAS_NODES');
    expectBounded(run);
  });

  it.each([
    ['flow', `${SERVICE}x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['block', `${SERVICE}x-deep:\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`],
  ])('nesting 1000+ levels deep (%s style): a stated limit, not a stack overflow', async (_style, text) => {
    const run = await measuredConfig(projectDir({ 'compose.yaml': text }));
    expect(run.code).toBe(EXIT_CODES.composeInvalid);
    expect(run.stderr).toContain('nested too deeply');
    expect(run.stderr).toContain('BERTH_COMPOSE_MAX_DEPTH');
    expect(run.stderr).not.toContain('call stack');
    expectBounded(run);
  });

  it('a 50 MB file is refused before it is read; the limit can be raised', async () => {
    const dir = projectDir({ 'compose.yaml': `${SERVICE}x-pad: "${'a'.repeat(50 * 1024 * 1024)}"\n` });
    const run = await measuredConfig(dir);
    expect(run.code).toBe(EXIT_CODES.composeInvalid);
    expect(run.stderr).toMatch(/too large for a Compose file.*BERTH_COMPOSE_MAX_FILE_BYTES/);
    expectBounded(run);
    const small = projectDir({ 'compose.yaml': `${SERVICE}x-pad: "${'a'.repeat(5 * 1024 * 1024)}"\n` });
    const raised = await measuredConfig(small, ['-q'], { BERTH_COMPOSE_MAX_FILE_BYTES: String(8 * 1024 * 1024) });
    expect(raised.code).toBe(0);
  });

  it(
    'a file under the size limit (3.3 MB, 2 000 services) loads within 15 s of CPU and 700 MiB',
    { timeout: 120_000 },
    async () => {
      const services = Array.from({ length: 2000 }, (_, i) =>
        [
          `  s${i}:`,
          '    image: busybox',
          '    environment:',
          ...Array.from({ length: 20 }, (__, j) => `      V${j}: "${i}-${j}-${'x'.repeat(60)}"`),
        ].join('\n'),
      );
      const text = `services:\n${services.join('\n')}\n`;
      expect(text.length).toBeLessThan(4 * 1024 * 1024);
      const run = await measuredConfig(projectDir({ 'compose.yaml': text }), ['-q']);
      expect(run.code).toBe(0);
      expectBounded(run, 15_000, 700 * 1024);
    },
  );

  it('port ranges that would expand past the limit', async () => {
    const services = Array.from({ length: 50 }, (_, i) => `  s${i}:\n    image: busybox\n    ports: ["1-65535"]`);
    const run = await measuredConfig(projectDir({ 'compose.yaml': `services:\n${services.join('\n')}\n` }));
    expect(run.code).toBe(EXIT_CODES.composeInvalid);
    expect(run.stderr).toMatch(/too many ports.*BERTH_COMPOSE_MAX_PORTS/);
    expectBounded(run);
  });

  it('recursive extends and an include cycle', async () => {
    const extendsLoop = await measuredConfig(
      projectDir({
        'compose.yaml': 'services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n',
      }),
    );
    expect(extendsLoop.code).toBe(EXIT_CODES.composeInvalid);
    expect(extendsLoop.stderr).toContain('Circular reference');
    expectBounded(extendsLoop);
    const includeLoop = await measuredConfig(
      projectDir({
        'compose.yaml': `include: [other.yaml]\n${SERVICE}`,
        'other.yaml': 'include: [compose.yaml]\nservices:\n  t:\n    image: busybox\n',
      }),
    );
    expect(includeLoop.code).toBe(EXIT_CODES.composeInvalid);
    expect(includeLoop.stderr).toContain('include cycle detected');
    expectBounded(includeLoop);
  });
});

describe.skipIf(!available)('broken encodings and odd keys: as Compose', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const utf16 = (text: string, endian: 'le' | 'be') => {
    const body = Buffer.from(text, 'utf16le');
    if (endian === 'be') body.swap16();
    return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };
  const CASES: [string, Uint8Array][] = [
    ['invalid UTF-8', Buffer.concat([utf8('services:\n  s:\n    image: "'), Buffer.from([0xc3, 0x28]), utf8('"\n')])],
    ['a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(SERVICE)])],
    ['UTF-16 LE with a byte-order mark', utf16(SERVICE, 'le')],
    ['UTF-16 BE with a byte-order mark', utf16(SERVICE, 'be')],
    ['UTF-16 without a byte-order mark', Buffer.from(SERVICE, 'utf16le')],
    ['a control character', utf8('services:\n  s:\n    image: "a\u0001b"\n')],
    ['duplicate keys', utf8('services:\n  s:\n    image: a\n    image: b\n    command: x\n    command: y\n')],
    [
      '__proto__, constructor and toString as names',
      utf8(
        'services:\n  __proto__:\n    image: x\n  constructor:\n    image: y\n    depends_on: [toString]\n    environment: {__proto__: a, toString: b}\n  toString:\n    image: z\n',
      ),
    ],
  ];

  it.each(CASES)('%s', async (_case, bytes) => {
    const dir = projectDir({ 'compose.yaml': bytes });
    const [compose, berth] = await Promise.all([composeConfig(dir), measuredConfig(dir, ['--format', 'json'])]);
    expect({ code: berth.code, error: errorOf(berth.stderr) }).toEqual({
      code: compose.code,
      error: errorOf(compose.stderr),
    });
    if (compose.code === 0) expect(jsonDifferences(JSON.parse(berth.stdout), JSON.parse(compose.stdout))).toEqual([]);
    expectBounded(berth);
  });
});
