/** Throwaway Compose projects on the real engine, Berth's CLI in-process, and the Compose CLI as a test peer. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { CliCommand } from '../../../src/main/cli/command';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { loadProject, type ComposeProject } from '../../../src/main/services/compose/load';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { captureCli } from '../../support/cli-context';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';

const exec = promisify(execFile);

export interface TestProject {
  name: string;
  dir: string;
  load(): Promise<ComposeProject>;
  /** Removes everything the project left on the engine (containers, networks, volumes) and its directory. */
  cleanup(): Promise<void>;
}

let counter = 0;

/** `name:` is set by the caller's YAML through `${NAME}`; the project directory holds `files`. */
export function testProject(docker: Docker, prefix: string, files: Record<string, string>): TestProject {
  const name = `berth-it-${prefix}-${process.pid}-${++counter}`;
  const dir = mkdtempSync(join(tmpdir(), 'berth-engine-it-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content.replaceAll('${NAME}', name));
  }
  return {
    name,
    dir,
    load: () => loadProject({ workingDir: dir, env: { PATH: process.env.PATH } }),
    cleanup: async () => {
      await removeProjectResources(docker, name);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function removeProjectResources(docker: Docker, project: string): Promise<void> {
  const filters = { label: [`${COMPOSE_LABELS.project}=${project}`] };
  for (const container of await docker.listContainers({ all: true, filters })) {
    const volumes = container.Mounts.filter((mount) => mount.Type === 'volume' && mount.Name).map(
      (mount) => mount.Name!,
    );
    await docker
      .getContainer(container.Id)
      .remove({ force: true, v: true })
      .catch(() => {});
    // Anonymous volumes a recreated container inherited are mounted by name, so `v` leaves them.
    for (const volume of volumes.filter((name) => /^[0-9a-f]{64}$/.test(name))) {
      await docker
        .getVolume(volume)
        .remove()
        .catch(() => {});
    }
  }
  for (const network of await docker.listNetworks({ filters }))
    await docker
      .getNetwork(network.Id)
      .remove()
      .catch(() => {});
  for (const volume of (await docker.listVolumes({ filters })).Volumes ?? [])
    await docker
      .getVolume(volume.Name)
      .remove()
      .catch(() => {});
}

export async function projectContainers(docker: Docker, project: string): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${COMPOSE_LABELS.project}=${project}`] } });
}

export async function containerIds(docker: Docker, project: string): Promise<Record<string, string>> {
  const containers = await projectContainers(docker, project);
  return Object.fromEntries(containers.map((c) => [c.Names[0]!.slice(1), c.Id]).sort());
}

/** Everything left of a project: containers, networks and volumes carrying its label. */
export async function leftovers(docker: Docker, project: string): Promise<string[]> {
  const filters = { label: [`${COMPOSE_LABELS.project}=${project}`] };
  const containers = (await docker.listContainers({ all: true, filters })).map((c) => `container ${c.Names[0]}`);
  const networks = (await docker.listNetworks({ filters })).map((n) => `network ${n.Name}`);
  const volumes = ((await docker.listVolumes({ filters })).Volumes ?? []).map((v) => `volume ${v.Name}`);
  return [...containers, ...networks, ...volumes];
}

/** Runs the real Compose v2 CLI in the project directory. */
export async function compose(dir: string, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await exec('docker', ['compose', ...args], { cwd: dir, maxBuffer: 16 << 20 });
  return stdout + stderr;
}

/** Runs a berth command in-process; resolves with its exit code and output. */
export async function berth(
  command: CliCommand,
  dir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = captureCli({ ...process.env }, dir);
  const code = await command.run(args, cli.context);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

export function recordingEngine(docker: Docker): {
  engine: ComposeEngine;
  events: ComposeProgressEvent[];
  onProgress: (e: ComposeProgressEvent) => void;
} {
  const events: ComposeProgressEvent[] = [];
  return { engine: new ComposeEngine(docker), events, onProgress: (event) => events.push(event) };
}

/** Index of the first event matching, for ordering assertions. */
export function indexOf(events: ComposeProgressEvent[], kind: ComposeProgressEvent['kind'], container: string): number {
  return events.findIndex((event) => event.kind === kind && 'container' in event && event.container === container);
}
