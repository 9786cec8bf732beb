import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/main/services/compose/load';
import { projectDetail } from '../../../src/main/services/projects/project-detail';
import { detectComposeFiles } from '../../../src/main/services/projects/project-layout';
import { projectStacks } from '../../../src/main/services/projects/project-stacks';
import { writeProject } from '../compose/project-fixture';

describe('project stacks', () => {
  // As in Compose, the project directory is the first file's folder (docker/), so stack files are relative to it.
  it('a -f set in docker/compose.<stack>.yml: one stack per file, then one per profile', async () => {
    const dir = writeProject({
      'docker/compose.data.yml': 'name: lab\nservices:\n  db: {image: postgres}\n  cache: {image: redis}\n',
      'docker/compose.serve.yml':
        'services:\n  api: {image: api, depends_on: [db]}\n  bench: {image: bench, profiles: [load-test]}\n',
    });
    const files = await detectComposeFiles(dir);
    expect(files).toEqual(['docker/compose.data.yml', 'docker/compose.serve.yml']);
    const project = await loadProject({ workingDir: dir, files, env: {} });
    expect(projectStacks(project)).toEqual([
      {
        id: 'file:compose.data.yml',
        label: 'data',
        kind: 'file',
        file: 'compose.data.yml',
        services: ['db', 'cache'],
      },
      {
        id: 'file:compose.serve.yml',
        label: 'serve',
        kind: 'file',
        file: 'compose.serve.yml',
        services: ['api'],
      },
      { id: 'profile:load-test', label: 'load-test', kind: 'profile', file: null, services: ['bench'] },
    ]);
  });

  it('files joined with include: the root file and each included file, named after their folders', async () => {
    const dir = writeProject({
      'compose.yaml':
        'include:\n  - mlflow/compose.yaml\n  - path: [monitoring/compose.yaml]\nservices:\n  notebook: {image: jupyter}\n',
      'mlflow/compose.yaml': 'services:\n  mlflow: {image: mlflow}\n  postgres: {image: postgres}\n',
      'monitoring/compose.yaml': 'services:\n  grafana: {image: grafana}\n',
    });
    expect(await detectComposeFiles(dir)).toEqual([]);
    const project = await loadProject({ workingDir: dir, env: {} });
    expect(projectStacks(project).map((stack) => [stack.label, stack.services])).toEqual([
      ['main', ['notebook']],
      ['mlflow', ['mlflow', 'postgres']],
      ['monitoring', ['grafana']],
    ]);
  });

  it('details: ports, GPU requests with Berth pins, dependencies, healthchecks and owned volumes', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'name: serve',
        'services:',
        '  vllm:',
        '    image: vllm/vllm-openai',
        '    ports: ["127.0.0.1:8000:8000"]',
        '    healthcheck: {test: [CMD, "true"]}',
        '    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}',
        "  gateway: {image: gateway, depends_on: [vllm], volumes: ['hf-cache:/cache', 'scratch:/tmp', 'shared:/shared']}",
        'volumes:',
        '  hf-cache: {name: huggingface-cache}',
        '  scratch: {}',
        '  shared: {external: true}',
      ].join('\n'),
    });
    const project = await loadProject({ workingDir: dir, env: {} });
    const detail = projectDetail(project, { vllm: ['1'] }, new Set());
    expect(detail.volumes).toEqual(['huggingface-cache', 'serve_scratch']);
    expect(detail.services).toEqual([
      expect.objectContaining({ name: 'gateway', dependsOn: ['vllm'], gpu: null, healthcheck: false }),
      expect.objectContaining({
        name: 'vllm',
        ports: [{ target: 8000, published: 8000, protocol: 'tcp' }],
        gpu: { count: 1, deviceIds: [], assigned: ['1'] },
        healthcheck: true,
      }),
    ]);
  });
});

describe('adding a folder', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a folder without any Compose file, saying what to choose', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-empty-'));
    dirs.push(dir);
    await expect(detectComposeFiles(dir)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      fix: expect.stringContaining('compose.yaml'),
    });
    await expect(detectComposeFiles(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
  });
});

describe('the .env a project uses', () => {
  it('is the first compose file’s folder for a docker/compose.<stack>.yml set, the folder itself otherwise', async () => {
    const { ProjectCatalog } = await import('../../../src/main/services/projects/project-catalog');
    const { ProjectsStore } = await import('../../../src/main/services/projects/projects-store');
    const { GpuAssignmentsStore } =
      await import('../../../src/main/services/compose/berth-overrides/gpu-assignments-store');
    const { loadProjectWithOverrides } =
      await import('../../../src/main/services/compose/berth-overrides/load-with-overrides');
    const state = await mkdtemp(path.join(os.tmpdir(), 'berth-state-'));
    const overrides = { stateDir: state, gpuAssignments: new GpuAssignmentsStore(state) };
    const catalog = new ProjectCatalog({
      store: new ProjectsStore(state),
      docker: () => null,
      env: {},
      runner: { overrides, load: (options) => loadProjectWithOverrides(options, overrides) },
    });
    const split = writeProject({ 'docker/compose.data.yml': 'services:\n  db: {image: postgres}\n' }, 'split');
    const plain = writeProject({ 'compose.yaml': 'services:\n  db: {image: postgres}\n' }, 'plain');
    await catalog.add(split);
    await catalog.add(plain);
    expect(await catalog.envDirectoryOf(split)).toBe(path.join(split, 'docker'));
    expect(await catalog.envDirectoryOf(plain)).toBe(plain);
    await expect(catalog.envDirectoryOf(state)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await rm(state, { recursive: true, force: true });
  });
});
