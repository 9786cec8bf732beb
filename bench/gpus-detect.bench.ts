/**
 * `berth gpus --json` on a host "with" an H100 (the stand-in nvidia-smi of the e2e tests answers from a real capture)
 * vs one `nvidia-smi --query-gpu` call of that same stand-in, whole processes, alternating; with Berth's peak memory
 * (max RSS from /usr/bin/time). Goal (issue 19): Berth ≤ 0.5 s and ≤ 120 MB peak.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { type BenchResult, median } from './bench-kit';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const FAKE_BIN = path.join(ROOT, 'tests/support/gpu/fake-bin');
const CAPTURE = path.resolve(
  ROOT,
  '../shared/fixtures/nvidia-smi/csv/from-captures/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01',
);
const ROUNDS = 7;

async function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; maxRssKb: number }> {
  const start = performance.now();
  const { stderr } = await exec('/usr/bin/time', ['-f', '%M', command, ...args], { env, maxBuffer: 16 << 20 });
  const ms = performance.now() - start;
  return { ms, maxRssKb: Number(stderr.trim().split('\n').pop()) };
}

export async function run(): Promise<BenchResult> {
  if (!existsSync(CAPTURE)) throw new Error(`no nvidia-smi capture at ${CAPTURE}`);
  if (!existsSync(path.join(ROOT, 'out/main/cli.js'))) throw new Error('run `npm run build` first');
  const env = {
    ...process.env,
    PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    FAKE_NVIDIA_SMI_CAPTURE: CAPTURE,
  };
  const berthOnce = () => timed(process.execPath, [path.join(ROOT, 'bin/berth.js'), 'gpus', '--json'], env);
  const smiOnce = () =>
    timed(path.join(FAKE_BIN, 'nvidia-smi'), ['--query-gpu=index,name,memory.total', '--format=csv,noheader'], env);
  await berthOnce();
  const berth: number[] = [];
  const smi: number[] = [];
  const rss: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [berthOnce, smiOnce] : [smiOnce, berthOnce];
    for (const once of order) {
      const { ms, maxRssKb } = await once();
      if (once === berthOnce) {
        berth.push(ms);
        rss.push(maxRssKb);
      } else smi.push(ms);
    }
  }
  const berthMs = median(berth);
  const referenceMs = median(smi);
  return {
    name: 'berth gpus --json (stand-in H100 nvidia-smi)',
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail: `median of ${ROUNDS} alternating rounds; Berth peak RSS ${(median(rss) / 1024).toFixed(0)} MB (goal ≤ 0.5 s, ≤ 120 MB); reference: one stand-in nvidia-smi query`,
  };
}
