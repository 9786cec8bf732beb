import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GpuAssignmentsStore } from '../../../src/main/services/compose/berth-overrides/gpu-assignments-store';
import { loadProjectWithOverrides } from '../../../src/main/services/compose/berth-overrides/load-with-overrides';
import { declaredGpuRequests } from '../../../src/main/services/projects/declared-gpu-requests';
import { ProjectCatalog } from '../../../src/main/services/projects/project-catalog';
import { ProjectsStore } from '../../../src/main/services/projects/projects-store';
import { TemplatesService } from '../../../src/main/services/templates/templates-service';

const templates = new TemplatesService(path.resolve(__dirname, '../../../resources/templates'));

describe('GPU requests declared in saved projects', () => {
  let state: string;
  afterEach(async () => {
    await rm(state, { recursive: true, force: true });
  });

  it('lists the services that ask for GPUs before anything was created, and none from a CPU copy', async () => {
    state = await mkdtemp(path.join(os.tmpdir(), 'berth-declared-'));
    const overrides = { stateDir: state, gpuAssignments: new GpuAssignmentsStore(state) };
    const catalog = new ProjectCatalog({
      store: new ProjectsStore(state),
      docker: () => null,
      env: {},
      runner: { overrides, load: (options) => loadProjectWithOverrides(options, overrides) },
    });
    const gpuCopy = path.join(state, 'lab-gpu');
    const cpuCopy = path.join(state, 'lab-cpu');
    await templates.create({ templateId: 'gpu-jupyter', targetDir: gpuCopy, gpu: true });
    await templates.create({ templateId: 'gpu-jupyter', targetDir: cpuCopy, gpu: false });
    await catalog.add(gpuCopy);
    await catalog.add(cpuCopy);

    expect(await declaredGpuRequests(catalog)).toEqual([
      {
        project: 'lab-gpu',
        service: 'jupyter',
        directory: gpuCopy,
        count: 1,
        deviceIds: [],
        driver: 'nvidia',
        capabilities: ['gpu'],
        running: false,
      },
    ]);
  });
});
