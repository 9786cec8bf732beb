/**
 * `berth stack deploy --wait` against `docker stack deploy` on a private one-node swarm (a dockerd in a network
 * namespace of its own, as the swarm tests start it): a 12-service stack deployed until every task runs, then
 * re-deployed with no change. The docker CLI deploys with `-d` and is polled (`docker stack services`, every 100 ms)
 * until all tasks run, since its own `--detach=false` adds a fixed 5 s stability check per service. Alternating
 * which goes first each round; Berth's command runs in-process (load, plan, apply, wait), the CLI as a process.
 * ratio = median Berth (deploy + re-deploy) / median docker CLI (deploy + re-deploy) (goal ≤ 1.0).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { stackCommand } from '../src/main/cli/commands/stack';
import { removeStack } from '../src/main/services/swarm/stack-teardown';
import { privateDockerdUnsupportedReason } from '../tests/support/private-dockerd';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { startSwarmEngine } from '../tests/support/swarm/swarm-engine';
import { benchEngine, type BenchResult, median } from './bench-kit';

const exec = promisify(execFile);
/** Even, so each tool goes first equally often. */
const ROUNDS = 6;
const SERVICES = 12;

function stackYaml(): string {
  const lines = ['services:'];
  for (let index = 0; index < SERVICES; index++) {
    lines.push(
      `  s${index}:`,
      `    image: ${TEST_IMAGE}`,
      '    init: true',
      '    command: ["sleep", "3600"]',
      '    deploy: {endpoint_mode: dnsrr}',
    );
  }
  return `${lines.join('\n')}\n`;
}

const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult> {
  const source = await benchEngine();
  const unsupported = privateDockerdUnsupportedReason();
  if (unsupported) throw new Error(`no private swarm: ${unsupported}`);
  const swarm = await startSwarmEngine({ name: 'bench-stack', images: [TEST_IMAGE], source });
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-stack-'));
  writeFileSync(join(dir, 'compose.yaml'), stackYaml());
  const env = { ...process.env, DOCKER_HOST: swarm.dockerHost, DOCKER_CONTEXT: '' };

  const berth = async (stack: string) => {
    const code = await stackCommand.run(['deploy', '--wait', '-c', 'compose.yaml', stack], {
      cwd: dir,
      env,
      stdout: silent,
      stderr: silent,
      isTty: false,
    });
    if (code !== 0) throw new Error(`berth stack deploy exited with ${code}`);
  };
  const docker = async (stack: string) => {
    await exec('docker', ['stack', 'deploy', '-d', '-c', 'compose.yaml', stack], { cwd: dir, env });
    for (;;) {
      const { stdout } = await exec('docker', ['stack', 'services', stack, '--format', '{{.Replicas}}'], { env });
      const replicas = stdout.trim().split('\n');
      if (replicas.length === SERVICES && replicas.every((value) => value === '1/1')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** Before each timed deploy: the previous stack's containers are gone, so neither tool pays for the other's cleanup. */
  const settle = async () => {
    while ((await swarm.docker.listContainers({ all: true })).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 200));
  };
  const times = {
    berthDeploy: [] as number[],
    berthRedeploy: [] as number[],
    cliDeploy: [] as number[],
    cliRedeploy: [] as number[],
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const rounds = [
        async () => {
          await settle();
          times.berthDeploy.push(await timed(() => berth(`b${round}`)));
          times.berthRedeploy.push(await timed(() => berth(`b${round}`)));
          await removeStack(swarm.docker, `b${round}`);
        },
        async () => {
          await settle();
          times.cliDeploy.push(await timed(() => docker(`d${round}`)));
          times.cliRedeploy.push(await timed(() => docker(`d${round}`)));
          await removeStack(swarm.docker, `d${round}`);
        },
      ];
      if (round % 2 === 1) rounds.reverse();
      for (const task of rounds) await task();
    }
  } finally {
    await swarm.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  const berthMs = median(times.berthDeploy.map((deploy, index) => deploy + times.berthRedeploy[index]!));
  const referenceMs = median(times.cliDeploy.map((deploy, index) => deploy + times.cliRedeploy[index]!));
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
  return {
    name: `stack deploy (${SERVICES} services, until all tasks run) + re-deploy with no change`,
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail:
      `medians of ${ROUNDS} rounds: deploy Berth ${ms(times.berthDeploy)} vs docker ${ms(times.cliDeploy)}; ` +
      `re-deploy Berth ${ms(times.berthRedeploy)} vs docker ${ms(times.cliRedeploy)}; ` +
      `deploys (ms) Berth ${times.berthDeploy.map((value) => value.toFixed(0)).join(', ')}, docker ${times.cliDeploy.map((value) => value.toFixed(0)).join(', ')}`,
  };
}
