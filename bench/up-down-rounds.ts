import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEngine, type BenchResult, median } from './bench-kit';
import { BERTH, requireBuild } from './cli-process';
import { engineFloor, stackYaml, timeWithCpu, type ProcessTiming } from './up-down-kit';

const ROUNDS = 5;

/** Wall and CPU of `berth up` + `berth down`, `docker compose up -d` + `down`, and the engine floor, in turns. */
export async function runUpDownRounds(options: { busy: boolean }): Promise<BenchResult[]> {
  requireBuild();
  const docker = await benchEngine();
  const dir = mkdtempSync(join(tmpdir(), 'berth-bench-updown-'));
  writeFileSync(join(dir, 'compose.yaml'), stackYaml());
  const tag = `${options.busy ? 'busy' : 'idle'}-${process.pid}`;
  const berthProject = `berth-bench-b-${tag}`;
  const composeProject = `berth-bench-c-${tag}`;
  const floorProject = `berth-bench-f-${tag}`;
  const upDown = async (command: string, prefix: string[], project: string): Promise<ProcessTiming> => {
    const up = await timeWithCpu(command, [...prefix, '-p', project, 'up', '-d'], dir);
    const down = await timeWithCpu(command, [...prefix, '-p', project, 'down'], dir);
    return { wallMs: up.wallMs + down.wallMs, cpuMs: up.cpuMs + down.cpuMs };
  };
  const berthRound = () => upDown(process.execPath, [BERTH], berthProject);
  const composeRound = () => upDown('docker', ['compose'], composeProject);
  const berth: ProcessTiming[] = [];
  const compose: ProcessTiming[] = [];
  const floor: number[] = [];
  const spinner = options.busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null;
  try {
    // One warm-up each (the first creations on a fresh engine are slower), not counted.
    await berthRound();
    await composeRound();
    await engineFloor(docker, floorProject);
    for (let round = 0; round < ROUNDS; round++) {
      const turns = [
        async () => berth.push(await berthRound()),
        async () => compose.push(await composeRound()),
        async () => floor.push(await engineFloor(docker, floorProject)),
      ];
      // Rotate who goes first, so no side always meets the engine just after the same neighbour.
      for (let turn = 0; turn < turns.length; turn++) await turns[(round + turn) % turns.length]!();
    }
  } finally {
    spinner?.kill();
    await timeWithCpu('docker', ['compose', '-p', composeProject, 'down'], dir).catch(() => undefined);
    await timeWithCpu(process.execPath, [BERTH, '-p', berthProject, 'down'], dir).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = options.busy ? 'machine busy (one core spinning)' : 'machine idle';
  const wall = (timings: ProcessTiming[]) => median(timings.map((timing) => timing.wallMs));
  const cpu = (timings: ProcessTiming[]) => median(timings.map((timing) => timing.cpuMs));
  const rounds = `median of ${ROUNDS} rotating rounds after a warm-up, ${machine}`;
  return [
    {
      name: `up + down as processes, 12 services, wall time vs docker compose (${machine})`,
      berthMs: wall(berth),
      referenceMs: wall(compose),
      ratio: wall(berth) / wall(compose),
      detail: `${rounds} (goal ≤ 0.8)`,
    },
    {
      name: `up + down as processes, 12 services, CPU time (user + system) vs docker compose (${machine})`,
      berthMs: cpu(berth),
      referenceMs: cpu(compose),
      ratio: cpu(berth) / cpu(compose),
      detail: `${rounds} (goal ≤ 1.5)`,
    },
    {
      name: `up + down as processes, 12 services, wall time vs the engine floor (${machine})`,
      berthMs: wall(berth),
      referenceMs: median(floor),
      ratio: wall(berth) / median(floor),
      detail: `${rounds}; the floor makes the same Engine API calls directly, nothing else (goal ≤ 1.1)`,
    },
  ];
}
