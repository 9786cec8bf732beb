/**
 * `berth config` of a 10-service project against `docker compose config` (issue 19 target: ≤ 1.0×), both as whole
 * processes the way a user runs them (start-up, module loading and schema validation included), alternating which
 * goes first. ratio = median Berth / median Compose. Needs a build (`npm run build`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { BenchResult } from './bench-kit';
import { alternatingMedians } from './compose-config-rounds';

const exec = promisify(execFile);
const ROUNDS = 11;
const BERTH = resolve(__dirname, '../bin/berth.js');

/** Ten services of a typical ML stack: images, ports, volumes, env, healthchecks, depends_on, a GPU request. */
function tenServices(): string {
  const services = Array.from({ length: 10 }, (_, i) =>
    [
      `  svc${i}:`,
      `    image: registry.example/ml/svc${i}:1.${i}`,
      `    ports: ["${8000 + i}:80"]`,
      `    environment: {MODEL: "m${i}", LR: 3e-5, WORKERS: ${i + 1}, TOKEN: "\${TOKEN:-none}"}`,
      `    volumes: [data${i}:/data, ./conf:/conf:ro]`,
      '    healthcheck: {test: ["CMD", "true"], interval: 10s, retries: 3}',
      ...(i > 0 ? [`    depends_on: {svc${i - 1}: {condition: service_healthy}}`] : []),
      ...(i === 9
        ? ['    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}']
        : []),
    ].join('\n'),
  );
  const volumes = Array.from({ length: 10 }, (_, i) => `  data${i}: {}`);
  return ['services:', ...services, 'volumes:', ...volumes, ''].join('\n');
}

export async function run(): Promise<BenchResult> {
  if (!existsSync(resolve(__dirname, '../out/main/cli.js')))
    throw new Error('out/main/cli.js is missing: run `npm run build`');
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-config-'));
  try {
    writeFileSync(join(dir, 'compose.yaml'), tenServices());
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', PWD: dir };
    const timed = async (command: string, args: string[]) => {
      const start = performance.now();
      await exec(command, args, { cwd: dir, env, maxBuffer: 16 << 20 });
      return performance.now() - start;
    };
    const berthOnce = () => timed(process.execPath, [BERTH, 'config', '--format', 'json']);
    const composeOnce = () => timed('docker', ['compose', 'config', '--format', 'json']);
    // The first round warms both (file cache, Node's compile cache) and is not counted.
    const { berthMs, referenceMs } = await alternatingMedians(ROUNDS, berthOnce, composeOnce);
    return {
      name: 'berth config vs docker compose config (10 services, whole process)',
      berthMs,
      referenceMs,
      ratio: berthMs / referenceMs,
      detail: `median of ${ROUNDS} alternating rounds, wall time of each process (goal ≤ 1.0)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
