/** Build tests: throwaway projects built through the real engine, the events they report, what they leave behind. */
import { readdirSync, readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeEngine } from '../../../src/main/services/compose/engine/compose-engine';
import { loadProject, type ComposeProject } from '../../../src/main/services/compose/load';
import { testProject, type TestProject } from '../compose-engine/support';

export interface BuildProject extends TestProject {
  /** Loads with extra environment variables (build secrets from the environment). */
  loadWith(env: Record<string, string>): Promise<ComposeProject>;
  /** Removes the project's containers, networks and the images it built. */
  remove(): Promise<void>;
}

/** A compose.yaml named like the test project, with these services (and top-level sections after them). */
export function stack(services: string): string {
  return `name: \${NAME}\nservices:${services}`;
}

export function buildProject(docker: Docker, files: Record<string, string>, images: string[] = ['app']): BuildProject {
  const project = testProject(docker, 'h2-build', files);
  return {
    ...project,
    loadWith: (env) => loadProject({ workingDir: project.dir, env: { PATH: process.env.PATH, ...env } }),
    async remove() {
      await project.cleanup();
      for (const service of images) {
        await docker
          .getImage(`${project.name}-${service}`)
          .remove({ force: true })
          .catch(() => {});
      }
    },
  };
}

/** Builds the project's services; resolves with the events, or rejects with the error and the events so far. */
export async function build(
  docker: Docker,
  project: ComposeProject,
  options: { services?: string[]; signal?: AbortSignal; onEvent?: (event: ComposeProgressEvent) => void } = {},
): Promise<ComposeProgressEvent[]> {
  const events: ComposeProgressEvent[] = [];
  await new ComposeEngine(docker).build(project, {
    services: options.services,
    signal: options.signal,
    onProgress: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return events;
}

/** The steps of the events, latest state of each, by name. */
export function stepsByName(
  events: ComposeProgressEvent[],
): Map<string, Extract<ComposeProgressEvent, { kind: 'build-step' }>['step']> {
  const steps = new Map<string, Extract<ComposeProgressEvent, { kind: 'build-step' }>['step']>();
  for (const event of events) if (event.kind === 'build-step') steps.set(event.step.name, event.step);
  return steps;
}

/** Command lines of this machine's processes (the engine runs build steps here, so they show up). */
export function processCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim());
    } catch {
      // ended meanwhile
    }
  }
  return lines;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs a command in a throwaway container of `image`; resolves with what it printed. */
export async function runIn(docker: Docker, image: string, command: string[]): Promise<string> {
  // With a TTY the log is the plain output, not multiplexed frames.
  const container = await docker.createContainer({
    Image: image,
    Cmd: command,
    Tty: true,
    Labels: { 'org.berth.test': 'h2-build' },
  });
  try {
    await container.start();
    await container.wait();
    return (await container.logs({ stdout: true, stderr: true })).toString('utf8').replace(/\r/g, '');
  } finally {
    await container.remove({ force: true });
  }
}
