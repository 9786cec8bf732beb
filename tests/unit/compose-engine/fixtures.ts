/** Loaded projects and hand-made observed states for the engine's unit tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { loadProject, type ComposeProject } from '../../../src/main/services/compose/load';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import type {
  ObservedContainer,
  ObservedState,
} from '../../../src/main/services/compose/engine/observe/observed-state';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Loads `compose.yaml` (plus any other files) written to a fresh directory named `proj`. */
export function projectFrom(yaml: string, files: Record<string, string> = {}): Promise<ComposeProject> {
  const root = mkdtempSync(join(tmpdir(), 'berth-engine-'));
  roots.push(root);
  const directory = join(root, 'proj');
  for (const [path, content] of Object.entries({ 'compose.yaml': yaml, ...files })) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  return loadProject({ workingDir: directory, env: {} });
}

export const IMAGE = 'berth-test-busybox:latest';
export const IMAGE_ID = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';

export function observedState(
  project: string,
  containers: ObservedContainer[] = [],
  extra: Partial<ObservedState> = {},
): ObservedState {
  return {
    project,
    containers,
    networks: new Map(),
    shadowedNetworks: [],
    volumes: new Map(),
    images: new Map([[IMAGE, IMAGE_ID]]),
    ...extra,
  };
}

export function observedContainer(
  project: string,
  service: string,
  fields: Partial<ObservedContainer> = {},
): ObservedContainer {
  const number = fields.number ?? 1;
  const id = fields.id ?? `${service}${'0'.repeat(64)}`.slice(0, 64);
  return {
    id,
    name: `${project}-${service}-${number}`,
    service,
    number,
    state: 'running',
    status: 'Up',
    image: IMAGE,
    configHash: '',
    imageId: IMAGE_ID,
    labels: { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.service]: service },
    ports: [],
    created: 0,
    ...fields,
  };
}

export function projectNetwork(
  project: string,
  key = 'default',
): [string, { name: string; id: string; labels: Record<string, string> }] {
  const name = `${project}_${key}`;
  return [name, { name, id: name, labels: { [COMPOSE_LABELS.project]: project, [COMPOSE_LABELS.network]: key } }];
}
