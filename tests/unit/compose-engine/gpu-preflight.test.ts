import { describe, expect, it } from 'vitest';
import { gpuPreflight } from '../../../src/main/services/compose/engine/gpu/gpu-preflight';
import {
  projectWithoutGpus,
  withoutGpuFile,
  withoutGpuOverride,
} from '../../../src/main/services/compose/berth-overrides/without-gpu-override';
import { requestsGpu } from '../../../src/main/services/compose/engine/spec/device-requests';
import { serviceOf } from '../../../src/main/services/compose/model/project';
import type { GpuCapability } from '@shared/schemas/gpu';
import { projectFrom } from './fixtures';

const STACK = `
name: ml
services:
  train:
    image: x
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}
  notebook: {image: x, gpus: all}
  web: {image: x}
`;

const capability = (verdict: GpuCapability['verdict']): GpuCapability => ({
  verdict,
  because: 'No NVIDIA runtime is registered with the engine.',
  fix: 'Install the NVIDIA Container Toolkit.',
  engineIsLocal: true,
  runtimes: ['runc'],
  defaultRuntime: 'runc',
  cdiSpecDirs: [],
  cdiDevices: [],
  dockerDesktop: false,
  wsl2: false,
});

describe('gpuPreflight', () => {
  it('fails up front naming the GPU services, the reason and the fixes', async () => {
    const project = await projectFrom(STACK);
    const failure = gpuPreflight(project, ['notebook', 'train', 'web'], async () => capability('no'));
    await expect(failure).rejects.toMatchObject({
      code: 'E_GPU_UNAVAILABLE',
      details: { services: ['notebook', 'train'], runWithoutGpu: true },
    });
    await expect(failure).rejects.toThrow(
      /services "notebook", "train" of project "ml" request GPUs.*No NVIDIA runtime/,
    );
    await expect(failure).rejects.toMatchObject({
      fix: expect.stringMatching(/NVIDIA Container Toolkit.*without GPUs/),
    });
  });

  it('passes when the engine can, warns when unknown, and is skipped without GPU services', async () => {
    const project = await projectFrom(STACK);
    await expect(gpuPreflight(project, ['train'], async () => capability('yes'))).resolves.toMatchObject({
      gpuServices: ['train'],
    });
    expect((await gpuPreflight(project, ['train'], async () => capability('unknown'))).warning).toMatch(/cannot tell/);
    let asked = false;
    await gpuPreflight(project, ['web'], async () => ((asked = true), capability('no')));
    expect(asked).toBe(false);
  });

  it('runs without GPUs through an override, leaving the model of other services alone', async () => {
    const project = await projectFrom(STACK);
    const override = withoutGpuFile('/state', project, ['train', 'notebook']);
    const without = projectWithoutGpus(project, ['train', 'notebook'], override);
    expect(requestsGpu(serviceOf(without, 'train'))).toBe(false);
    expect(requestsGpu(serviceOf(without, 'notebook'))).toBe(false);
    expect(without.configFiles.at(-1)).toBe('/state/overrides/ml.without-gpu.yaml');
    expect(without.berthFiles).toEqual([override]);
    expect(requestsGpu(serviceOf(project, 'train'))).toBe(true);
    expect(withoutGpuOverride(project, ['train', 'notebook'])).toContain('devices: !reset []');
  });
});
