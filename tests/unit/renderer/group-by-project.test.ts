import { describe, expect, it } from 'vitest';
import { groupByProject } from '../../../src/renderer/src/features/containers/group-by-project';
import type { ContainerSummary } from '@shared/schemas/containers';

function container(
  name: string,
  project: string | null,
  service: string,
  state: ContainerSummary['state'],
): ContainerSummary {
  return {
    id: name,
    name,
    image: 'busybox',
    state,
    status: '',
    health: null,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    oomKilled: false,
    restartCount: 0,
    ports: [],
    compose: project
      ? { project, service, containerNumber: 1, oneoff: false, workingDir: null, configFiles: [] }
      : null,
  };
}

describe('groupByProject', () => {
  it('groups by compose project, projects sorted, standalone containers last', () => {
    const groups = groupByProject([
      container('solo', null, '', 'running'),
      container('vllm-api-1', 'vllm', 'api', 'running'),
      container('mlflow-server-1', 'mlflow', 'server', 'exited'),
      container('mlflow-db-1', 'mlflow', 'db', 'running'),
    ]);
    expect(groups.map((group) => group.project)).toEqual(['mlflow', 'vllm', null]);
    expect(groups[0]!.containers.map((entry) => entry.name)).toEqual(['mlflow-db-1', 'mlflow-server-1']);
    expect(groups.map((group) => group.running)).toEqual([1, 1, 1]);
  });
});
