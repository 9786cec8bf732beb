/**
 * The 12-service stack of the up/down benches (three levels of depends_on, 4 + 4 + 4 busybox services), and the
 * ways they time it: whole processes with their CPU time, and the engine floor (the same Engine API calls made
 * directly, nothing else).
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { TEST_IMAGE } from '../tests/support/require-engine';

const exec = promisify(execFile);
const PER_LEVEL = 4;
const LEVELS = 3;

/** Service names by level: level n+1 depends on two services of level n. */
export const STACK_LEVELS: string[][] = Array.from({ length: LEVELS }, (_, level) =>
  Array.from({ length: PER_LEVEL }, (_, index) => `l${level + 1}s${index}`),
);

export function stackYaml(): string {
  const lines = ['services:'];
  STACK_LEVELS.forEach((services, level) =>
    services.forEach((service, index) => {
      lines.push(`  ${service}:`, `    image: ${TEST_IMAGE}`, '    init: true', '    command: ["sleep", "3600"]');
      if (level === 0) return;
      lines.push('    depends_on:');
      for (const dependency of [index, (index + 1) % PER_LEVEL])
        lines.push(`      ${STACK_LEVELS[level - 1]![dependency]}: {condition: service_started}`);
    }),
  );
  return `${lines.join('\n')}\n`;
}

export interface ProcessTiming {
  wallMs: number;
  /** User + system CPU time of the command and every process it waited for. */
  cpuMs: number;
}

/** Runs `command args` to completion (a failure fails the bench) and reports its wall and CPU time. */
export async function timeWithCpu(command: string, args: string[], cwd: string): Promise<ProcessTiming> {
  const start = performance.now();
  // bash's `times` prints its children's user and system time on its second line: `0m0.512s 0m0.123s`.
  const { stdout } = await exec('bash', ['-c', '"$@" >/dev/null || exit $?; times', 'bash', command, ...args], {
    cwd,
  });
  const wallMs = performance.now() - start;
  const children = stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  if (seconds.length !== 2) throw new Error(`unexpected \`times\` output: ${stdout}`);
  return { wallMs, cpuMs: (seconds[0]! + seconds[1]!) * 1000 };
}

/**
 * The least any tool must ask of the engine for this up + down: the project network; every container created at
 * once; started level by level; stopped in reverse order; removed; the network removed. Wall time in ms.
 */
export async function engineFloor(docker: Docker, project: string): Promise<number> {
  const start = performance.now();
  const networkName = `${project}_default`;
  const network = await docker.createNetwork({ Name: networkName });
  const levels = await Promise.all(
    STACK_LEVELS.map((services) =>
      Promise.all(
        services.map((service) =>
          docker.createContainer({
            name: `${project}-${service}-1`,
            Image: TEST_IMAGE,
            Cmd: ['sleep', '3600'],
            HostConfig: { Init: true, NetworkMode: networkName },
            NetworkingConfig: { EndpointsConfig: { [networkName]: { Aliases: [service] } } },
          }),
        ),
      ),
    ),
  );
  for (const containers of levels) await Promise.all(containers.map((container) => container.start()));
  for (const containers of [...levels].reverse()) await Promise.all(containers.map((container) => container.stop()));
  await Promise.all(levels.flat().map((container) => container.remove()));
  await network.remove();
  return performance.now() - start;
}
