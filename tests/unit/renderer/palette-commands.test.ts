import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ProjectDetail, ProjectSummary } from '@shared/schemas/projects';
import type {
  PaletteCommand,
  groupBySection as GroupBySection,
} from '../../../src/renderer/src/features/palette/palette-commands';
import type { BerthStore } from '../../../src/renderer/src/stores/store';

// The renderer picks its transport when loaded; give it an inert one (these tests never call main).
(globalThis as { window?: unknown }).window = { berth: {} };

let paletteCommands: (store: BerthStore) => PaletteCommand[];
let groupBySection: typeof GroupBySection;
let matchesQuery: (title: string, query: string) => boolean;
let pageShortcutIndex: (event: KeyboardEvent) => number | null;
let isAppShortcut: (event: KeyboardEvent) => boolean;

beforeAll(async () => {
  ({ paletteCommands, groupBySection } = await import('../../../src/renderer/src/features/palette/palette-commands'));
  ({ matchesQuery } = await import('../../../src/renderer/src/features/palette/palette-match'));
  ({ pageShortcutIndex, isAppShortcut } = await import('../../../src/renderer/src/keyboard/app-shortcuts'));
});

function project(name: string): ProjectSummary {
  return { name, directory: `/work/${name}`, configFiles: [], saved: true, problem: null };
}

function container(
  project: string,
  service: string,
  state: ContainerSummary['state'],
  image = 'busybox',
): ContainerSummary {
  return {
    id: `${project}-${service}`,
    name: `${project}-${service}-1`,
    image,
    state,
    status: '',
    health: null,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    oomKilled: false,
    restartCount: 0,
    ports: image.includes('mlflow')
      ? [{ hostIp: '127.0.0.1', hostPort: 15000, containerPort: 5000, protocol: 'tcp' }]
      : [],
    compose: { project, service, containerNumber: 1, oneoff: false, workingDir: null, configFiles: [] },
  };
}

const mlopsDetail: ProjectDetail = {
  name: 'mlops',
  directory: '/work/mlops',
  configFiles: [],
  stacks: [
    { id: 'file:mlflow', label: 'mlflow', kind: 'file', file: 'compose.mlflow.yml', services: ['mlflow'] },
    { id: 'profile:gpu', label: 'gpu', kind: 'profile', file: null, services: ['vllm'] },
  ],
  services: [
    {
      name: 'mlflow',
      image: 'mlflow',
      build: false,
      profiles: [],
      dependsOn: [],
      ports: [],
      gpu: null,
      healthcheck: false,
    },
    {
      name: 'vllm',
      image: 'vllm',
      build: false,
      profiles: ['gpu'],
      dependsOn: [],
      ports: [],
      gpu: { count: 1, deviceIds: [], assigned: null },
      healthcheck: false,
    },
  ],
  volumes: [],
  hasEnvFile: false,
  warnings: [],
};

const singleDetail: ProjectDetail = {
  ...mlopsDetail,
  name: 'logs',
  directory: '/work/logs',
  stacks: [{ id: 'file:compose.yaml', label: 'main', kind: 'file', file: 'compose.yaml', services: ['api'] }],
};

function store(connected = true): BerthStore {
  const containers = [
    container('mlops', 'mlflow', 'running', 'ghcr.io/mlflow/mlflow:v2'),
    container('logs', 'api', 'exited'),
  ];
  return {
    page: 'projects',
    engine: connected ? { status: 'connected' } : { status: 'unreachable' },
    projects: [project('mlops'), project('logs')],
    selectedProject: 'dir:/work/logs',
    details: {
      'dir:/work/mlops': { detail: mlopsDetail, error: null },
      'dir:/work/logs': { detail: singleDetail, error: null },
    },
    containers: Object.fromEntries(containers.map((item) => [item.id, item])),
    gpuOverview: { capability: { verdict: 'no' } },
  } as unknown as BerthStore;
}

const titles = (commands: PaletteCommand[]) => commands.map((command) => command.title);

describe('command palette', () => {
  it('puts the open project first, then pages with their shortcuts, general commands, other projects', () => {
    const sections = groupBySection(paletteCommands(store()));
    expect(sections.map(([section]) => section)).toEqual(['This project', 'Go to', 'General', 'Projects', 'Services']);
    const goTo = sections.find(([section]) => section === 'Go to')![1];
    expect(goTo[0]).toMatchObject({ title: 'Go to Projects', hint: 'Ctrl+1' });
    const matching = paletteCommands(store()).filter((command) => matchesQuery(command.title, 'logs'));
    expect(matching[0]!.section).toBe('This project');
  });

  it('offers Down, Pull, a web UI, the theme and adding or creating a project', () => {
    const all = titles(paletteCommands(store()));
    expect(all).toEqual(
      expect.arrayContaining([
        'Down: remove the containers of logs…',
        'Pull images of mlops',
        'Open MLflow of mlflow (mlops) in the browser',
        'Theme: dark',
        'Add a project folder…',
        'New project from a template…',
      ]),
    );
  });

  it('offers nothing sure to fail', () => {
    const all = titles(paletteCommands(store()));
    // No GPU on this engine: the gpu stack can't start.
    expect(all).not.toContain('Start stack gpu (mlops)');
    expect(all).toContain('Start stack mlflow (mlops)'.replace('Start', 'Stop'));
    // One stack: the Projects page shows no switch, the palette no "main" stack.
    expect(all.some((title) => title.includes('stack main'))).toBe(false);
    // Nothing runs in logs: no Stop, no Restart, no shell.
    expect(all).not.toContain('Stop logs');
    expect(all.some((title) => title.startsWith('Open shell in api'))).toBe(false);
    // No engine: no engine action at all, logs and pages still.
    const offline = titles(paletteCommands(store(false)));
    expect(offline.some((title) => /^(Up|Stop|Restart|Pull|Down|Start stack|Open shell)/.test(title))).toBe(false);
    expect(offline).toContain('Logs of logs');
  });
});

describe("the palette's web links on a remote engine", () => {
  it("go through main to where the engine's ports are, and say why when they can't", async () => {
    const bridge = (globalThis as unknown as { window: { berth: Record<string, unknown> } }).window.berth;
    const asked: unknown[] = [];
    let answer: unknown = {
      ok: true,
      value: {
        url: 'http://127.0.0.1:53211/',
        mapping: '127.0.0.1:15000 → localhost:53211',
        via: 'tunnel',
        opened: true,
      },
    };
    bridge.engines = { openPort: async (input: unknown) => (asked.push(input), answer) };
    bridge.app = { openExternal: async () => ({ ok: true, value: { opened: false } }) };
    const errors: unknown[] = [];
    const remote = {
      ...store(),
      engine: { status: 'connected', endpoint: { kind: 'ssh', address: 'ssh://ada@gpu-box', local: false } },
      showPaletteError: (error: unknown) => void errors.push(error),
    } as unknown as BerthStore;
    const open = paletteCommands(remote).find(
      (command) => command.title === 'Open MLflow of mlflow (mlops) in the browser',
    )!;

    open.run();
    await vi.waitFor(() =>
      expect(asked).toEqual([{ containerId: 'mlops-mlflow', port: 15000, protocol: 'tcp', path: '/' }]),
    );
    expect(errors).toEqual([]);

    answer = {
      ok: false,
      error: { code: 'E_ENGINE_UNREACHABLE', message: 'The engine is no longer reached over ssh.' },
    };
    open.run();
    await vi.waitFor(() => expect(errors).toEqual([expect.objectContaining({ code: 'E_ENGINE_UNREACHABLE' })]));
  });
});

describe('app shortcuts', () => {
  const key = (init: Partial<KeyboardEvent>) =>
    ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, key: '', code: '', ...init }) as KeyboardEvent;
  it('are Ctrl/Cmd+1…9 (one per page) and Ctrl/Cmd+K, by key position, and nothing else', () => {
    expect(pageShortcutIndex(key({ ctrlKey: true, key: '4', code: 'Digit4' }))).toBe(3);
    // AZERTY: the key says "'" but it sits where 4 is.
    expect(pageShortcutIndex(key({ ctrlKey: true, key: "'", code: 'Digit4' }))).toBe(3);
    expect(pageShortcutIndex(key({ metaKey: true, key: '6', code: 'Digit6' }))).toBe(5);
    expect(pageShortcutIndex(key({ ctrlKey: true, key: '9', code: 'Digit9' }))).toBe(8);
    expect(pageShortcutIndex(key({ ctrlKey: true, key: '0', code: 'Digit0' }))).toBeNull();
    expect(pageShortcutIndex(key({ ctrlKey: true, shiftKey: true, key: '1', code: 'Digit1' }))).toBeNull();
    expect(isAppShortcut(key({ ctrlKey: true, key: 'k', code: 'KeyK' }))).toBe(true);
    // Ctrl+C and Ctrl+D stay the shell's.
    expect(isAppShortcut(key({ ctrlKey: true, key: 'c', code: 'KeyC' }))).toBe(false);
    expect(isAppShortcut(key({ ctrlKey: true, key: 'd', code: 'KeyD' }))).toBe(false);
  });
});
