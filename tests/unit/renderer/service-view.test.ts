import { describe, expect, it } from 'vitest';
import type { GpuCapability } from '@shared/schemas/gpu';
import type { ProjectDetail, ServiceInfo } from '@shared/schemas/projects';
import {
  gpuShortfall,
  groupByStack,
  pendingLabel,
  waitingFor,
} from '../../../src/renderer/src/features/projects/service-view';
import {
  finished,
  hasProjectError,
  operationTouches,
  recoveredServices,
  serviceErrors,
  startedOperation,
  withProgress,
  type OperationState,
} from '../../../src/renderer/src/stores/operation-progress';
import type { ComposeProgressEvent } from '@shared/schemas/compose-progress';

function service(name: string, dependsOn: string[] = [], gpu: ServiceInfo['gpu'] = null): ServiceInfo {
  return { name, image: 'busybox', build: false, profiles: [], dependsOn, ports: [], gpu, healthcheck: true };
}

const detail: ProjectDetail = {
  name: 'mlops',
  directory: '/mlops',
  configFiles: [],
  stacks: [
    {
      id: 'file:mlflow',
      label: 'mlflow',
      kind: 'file',
      file: 'docker/compose.mlflow.yml',
      services: ['postgres', 'mlflow'],
    },
    { id: 'file:serving', label: 'serving', kind: 'file', file: 'docker/compose.serving.yml', services: ['api'] },
    { id: 'profile:gpu', label: 'gpu', kind: 'profile', file: null, services: ['vllm'] },
  ],
  services: [
    service('postgres'),
    service('mlflow', ['postgres']),
    service('api', ['mlflow', 'postgres']),
    service('vllm', [], { count: 1, deviceIds: [], assigned: null }),
  ],
  volumes: [],
  hasEnvFile: false,
  warnings: [],
};

function run(events: ComposeProgressEvent[]): OperationState {
  return events.reduce(withProgress, startedOperation('up', ['api']));
}

describe('a card waiting on its dependencies', () => {
  it('names what it waits for, with (healthy) when a healthcheck is awaited', () => {
    const operation = run([
      { kind: 'created', service: 'postgres' },
      { kind: 'created', service: 'mlflow' },
      { kind: 'created', service: 'api' },
      { kind: 'starting', service: 'postgres' },
      { kind: 'running', service: 'postgres' },
      { kind: 'starting', service: 'mlflow' },
      { kind: 'waiting-healthy', service: 'mlflow' },
    ]);
    expect(waitingFor(operation, detail, 'api')).toBe('waiting for mlflow (healthy)');
    // mlflow itself waits for nothing any more: postgres runs.
    expect(waitingFor(operation, detail, 'mlflow')).toBeNull();
    expect(pendingLabel(operation, 'mlflow')).toBe('waiting until healthy');
  });

  it('stops waiting once the dependency is healthy, and when the operation ends', () => {
    let operation = run([
      { kind: 'created', service: 'api' },
      { kind: 'waiting-healthy', service: 'mlflow' },
      { kind: 'starting', service: 'postgres' },
    ]);
    expect(waitingFor(operation, detail, 'api')).toBe('waiting for mlflow (healthy), postgres');
    operation = withProgress(operation, { kind: 'healthy', service: 'mlflow' });
    operation = withProgress(operation, { kind: 'running', service: 'postgres' });
    expect(waitingFor(operation, detail, 'api')).toBeNull();
    expect(waitingFor(finished(run([{ kind: 'waiting-healthy', service: 'mlflow' }])), detail, 'api')).toBeNull();
  });

  it('says what a pull is at', () => {
    const operation = run([{ kind: 'pulling', service: 'api', image: 'x', percent: 44.6, layers: [] }]);
    expect(pendingLabel(operation, 'api')).toBe('pulling image 45%');
    expect(pendingLabel(operation, 'mlflow')).toBeNull();
  });
});

describe('cards grouped under their stacks', () => {
  it('puts each service under its first stack, and the rest at the end', () => {
    const groups = groupByStack({ ...detail, services: [...detail.services, service('orphan')] });
    expect(groups.map((group) => [group.stack?.label ?? null, group.services.map((item) => item.name)])).toEqual([
      ['mlflow', ['postgres', 'mlflow']],
      ['serving', ['api']],
      ['gpu', ['vllm']],
      [null, ['orphan']],
    ]);
  });
});

describe('GPU stacks on an engine without GPUs', () => {
  const capability = (verdict: GpuCapability['verdict']) => ({ verdict }) as GpuCapability;
  it('says a stack needs a GPU only when the engine has none to give', () => {
    const gpuStack = detail.stacks[2]!;
    expect(gpuShortfall(gpuStack, detail, capability('no'))).toBe('needs 1 GPU — none available');
    expect(gpuShortfall(gpuStack, detail, capability('yes'))).toBeNull();
    expect(gpuShortfall(gpuStack, detail, null)).toBeNull();
    expect(gpuShortfall(detail.stacks[0]!, detail, capability('no'))).toBeNull();
  });
});

describe('errors that stay on their cards', () => {
  it('blames the service that failed, keeps project-wide errors for the banner, and knows who recovered', () => {
    const failed = finished(
      run([
        { kind: 'running', service: 'postgres' },
        { kind: 'error', service: 'mlflow', message: 'port 5000 is in use' },
      ]),
      { code: 'E_ENGINE_ERROR', message: 'up failed', fix: 'Free the port.' },
    );
    expect(serviceErrors(failed)).toEqual({
      mlflow: { code: 'E_ENGINE_ERROR', message: 'port 5000 is in use', fix: 'Free the port.' },
    });
    expect(hasProjectError(failed)).toBe(false);
    expect(recoveredServices(failed)).toEqual(['postgres']);
    const whole = finished(startedOperation('up', []), { code: 'E_COMPOSE_INVALID', message: 'bad yaml' });
    expect(hasProjectError(whole)).toBe(true);
  });

  it('marks a switch pending while an operation touches one of its services', () => {
    const operation = startedOperation('up', ['api']);
    expect(operationTouches(operation, ['api'])).toBe(true);
    expect(operationTouches(operation, ['vllm'])).toBe(false);
    expect(operationTouches(startedOperation('stop', []), ['vllm'])).toBe(true);
    expect(operationTouches(finished(operation), ['api'])).toBe(false);
  });
});
