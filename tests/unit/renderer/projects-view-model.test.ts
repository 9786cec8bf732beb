import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ProjectDetail } from '@shared/schemas/projects';
import { isSecretKey } from '@shared/secret-keys';
import { parseEnvLines, serializeEnvLines } from '../../../src/renderer/src/features/projects/env-lines';
import {
  finished,
  serviceError,
  startedOperation,
  withProgress,
} from '../../../src/renderer/src/stores/operation-progress';
import {
  containersByService,
  dependenciesOutside,
  runningDependents,
  stackState,
} from '../../../src/renderer/src/features/projects/project-state';
import { uptimeOf } from '../../../src/renderer/src/status/elapsed';
import { matchesQuery } from '../../../src/renderer/src/features/palette/palette-match';

function container(
  service: string,
  state: ContainerSummary['state'],
  status = 'Up 3 minutes (healthy)',
): ContainerSummary {
  return {
    id: `${service}-id`,
    name: `lab-${service}-1`,
    image: 'busybox',
    state,
    status,
    health: null,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    oomKilled: false,
    restartCount: 0,
    ports: [],
    compose: { project: 'lab', service, containerNumber: 1, oneoff: false, workingDir: null, configFiles: [] },
  };
}

const detail: ProjectDetail = {
  name: 'lab',
  directory: '/lab',
  configFiles: [],
  stacks: [
    { id: 'file:data', label: 'data', kind: 'file', file: 'data.yml', services: ['db', 'cache'] },
    { id: 'file:web', label: 'web', kind: 'file', file: 'web.yml', services: ['web'] },
  ],
  services: [
    { name: 'cache', image: null, build: false, profiles: [], dependsOn: [], ports: [], gpu: null, healthcheck: false },
    { name: 'db', image: null, build: false, profiles: [], dependsOn: [], ports: [], gpu: null, healthcheck: true },
    {
      name: 'migrate',
      image: null,
      build: false,
      profiles: [],
      dependsOn: ['db'],
      ports: [],
      gpu: null,
      healthcheck: false,
    },
    {
      name: 'web',
      image: null,
      build: false,
      profiles: [],
      dependsOn: ['migrate'],
      ports: [],
      gpu: null,
      healthcheck: true,
    },
  ],
  volumes: [],
  hasEnvFile: false,
  warnings: [],
};

describe('stack state from live containers', () => {
  const byService = containersByService(
    { a: container('db', 'running'), b: container('web', 'exited', 'Exited (0) 2 minutes ago') },
    'lab',
  );

  it('is on, partial or off by how many of its services run', () => {
    expect(stackState(detail.stacks[0]!, byService)).toBe('partial');
    expect(stackState(detail.stacks[1]!, byService)).toBe('off');
    expect(
      stackState(
        detail.stacks[0]!,
        containersByService({ a: container('db', 'running'), c: container('cache', 'running') }, 'lab'),
      ),
    ).toBe('on');
  });

  it('starting a stack names the dependencies it would start, transitively, skipping running ones', () => {
    expect(dependenciesOutside(detail, ['web'], byService)).toEqual(['migrate']);
    expect(dependenciesOutside(detail, ['web'])).toEqual(['db', 'migrate']);
  });

  it('stopping a stack names running services that depend on it', () => {
    const running = containersByService({ a: container('db', 'running'), m: container('migrate', 'running') }, 'lab');
    expect(runningDependents(detail, ['db', 'cache'], running)).toEqual(['migrate']);
    expect(runningDependents(detail, ['web'], running)).toEqual([]);
  });

  it('reads uptime from the engine status text while main has not sent a start time', () => {
    expect(uptimeOf(container('db', 'running'), Date.now())).toBe('3 minutes');
    expect(uptimeOf(container('db', 'exited', 'Exited (0) 1 minute ago'), Date.now())).toBeNull();
  });
});

describe('operation progress', () => {
  it('shows a pull per layer, then puts a failure on the service that failed, with the fix', () => {
    let state = startedOperation('up', []);
    state = withProgress(state, {
      kind: 'pulling',
      service: 'vllm',
      image: 'vllm/vllm-openai',
      percent: 40,
      layers: [{ id: 'abc', status: 'Downloading', current: 4, total: 10 }],
    });
    expect(state.progress.vllm).toMatchObject({ phase: 'pulling', percent: 40 });
    state = withProgress(state, { kind: 'error', service: 'vllm', message: 'manifest unknown' });
    state = finished(state, { code: 'E_ENGINE_ERROR', message: 'pull failed', fix: 'Check the image name.' });
    expect(state.status).toBe('failed');
    expect(serviceError(state, 'vllm')).toEqual({
      code: 'E_ENGINE_ERROR',
      message: 'manifest unknown',
      fix: 'Check the image name.',
    });
    expect(serviceError(state, 'gateway')).toBeNull();
    expect(finished(startedOperation('stop', []), { code: 'E_CANCELLED', message: 'x' }).status).toBe('cancelled');
  });
});

describe('.env rows', () => {
  it('round-trips comments, export and quoting, and flags secret-looking keys', () => {
    const text = '# HF\nexport HF_TOKEN="hf_abc"\n\nMODEL=qwen # small\nDB_PASSWORD=x\n';
    const lines = parseEnvLines(text);
    expect(serializeEnvLines(lines)).toBe(text);
    const keys = lines.flatMap((line) => (line.kind === 'entry' ? [line.key] : []));
    expect(keys.filter(isSecretKey)).toEqual(['HF_TOKEN', 'DB_PASSWORD']);
    expect(['OPENAI_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'MINIO_ROOT_PASSWORD'].every(isSecretKey)).toBe(true);
  });
});

describe('command palette', () => {
  it('matches every typed word in any order', () => {
    expect(matchesQuery('Open shell in vllm (serve)', 'shell vllm')).toBe(true);
    expect(matchesQuery('Open shell in vllm (serve)', 'logs vllm')).toBe(false);
  });
});
