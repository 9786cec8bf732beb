/**
 * Throwaway containers for the observability tests (stats, diagnostics, disk), each in a compose project of its
 * own named `berth-h5-<area>-<pid>-<n>` so nothing else on the shared engine is touched, and a spawned `berth`
 * that can be interrupted like a user's Ctrl-C.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import type Docker from 'dockerode';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { TEST_IMAGE } from '../../support/require-engine';

let counter = 0;

export function uniqueProject(area: string): string {
  return `berth-h5-${area}-${process.pid}-${++counter}`;
}

export interface TestContainerSpec {
  project: string;
  service: string;
  /** Run by `sh -c`. */
  script: string;
  memoryBytes?: number;
  restart?: 'always' | 'no';
  healthcheck?: { test: string; intervalMs: number; retries: number };
  /** `127.0.0.1:PORT` published from container port 80. */
  hostPort?: number;
  start?: boolean;
}

export async function createTestContainer(docker: Docker, spec: TestContainerSpec): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `${spec.project}-${spec.service}-1`,
    Cmd: ['sh', '-c', spec.script],
    Labels: {
      [COMPOSE_LABELS.project]: spec.project,
      [COMPOSE_LABELS.service]: spec.service,
      [COMPOSE_LABELS.containerNumber]: '1',
      [COMPOSE_LABELS.oneoff]: 'False',
    },
    ...(spec.healthcheck
      ? {
          Healthcheck: {
            Test: ['CMD-SHELL', spec.healthcheck.test],
            Interval: spec.healthcheck.intervalMs * 1e6,
            Timeout: 5e9,
            Retries: spec.healthcheck.retries,
          },
        }
      : {}),
    ...(spec.hostPort ? { ExposedPorts: { '80/tcp': {} } } : {}),
    HostConfig: {
      ...(spec.memoryBytes ? { Memory: spec.memoryBytes } : {}),
      ...(spec.restart ? { RestartPolicy: { Name: spec.restart } } : {}),
      ...(spec.hostPort
        ? { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(spec.hostPort) }] } }
        : {}),
    },
  });
  if (spec.start !== false) await container.start();
  return container;
}

export async function removeProject(docker: Docker, project: string): Promise<void> {
  const containers = await docker.listContainers({
    all: true,
    filters: { label: [`${COMPOSE_LABELS.project}=${project}`] },
  });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {}),
    ),
  );
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

const BERTH_BIN = path.resolve(__dirname, '../../../bin/berth.js');

export interface LiveBerth {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code and how long the exit took. */
  interrupt(): Promise<{ code: number | null; ms: number }>;
}

/** A long-running `berth` (stats, logs -f) to read while it runs and then interrupt. */
export function spawnBerth(args: string[]): LiveBerth {
  const child = spawn(process.execPath, [BERTH_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async interrupt() {
      const started = performance.now();
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return { code, ms: performance.now() - started };
    },
  };
}
