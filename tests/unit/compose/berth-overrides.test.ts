import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { persistBerthFiles } from '../../../src/main/services/compose/berth-overrides/berth-files';
import { writeGpuAssignmentOverride } from '../../../src/main/services/compose/berth-overrides/gpu-assignment-override';
import { GpuAssignmentsStore } from '../../../src/main/services/compose/berth-overrides/gpu-assignments-store';
import { loadProjectWithOverrides } from '../../../src/main/services/compose/berth-overrides/load-with-overrides';
import { overrideFilePath } from '../../../src/main/services/compose/berth-overrides/state-dir';
import type { ComposeProject } from '../../../src/main/services/compose/load';
import { writeProject } from './project-fixture';

const TRAINER = `
name: ml
services:
  trainer:
    image: berth-test-busybox:latest
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: all, capabilities: [gpu]}]}}}
  notebook:
    image: berth-test-busybox:latest
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}
`;

// `count: all` loads as -1, as `docker compose config` renders it.
function devicesOf(project: ComposeProject, service: string): unknown {
  const config = project.model.services[service] as {
    deploy?: { resources?: { reservations?: { devices?: unknown } } };
  };
  return config.deploy?.resources?.reservations?.devices;
}

let stateDir: string;
let store: GpuAssignmentsStore;

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'berth-state-'));
  store = new GpuAssignmentsStore(stateDir);
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

describe('GpuAssignmentsStore', () => {
  it('keeps pins per project and service in gpu-assignments.json, and forgets a project with no pin left', async () => {
    await Promise.all([store.set('ml', 'trainer', ['1']), store.set('ml', 'notebook', ['0', '1'])]);
    await store.set('other', 'trainer', ['GPU-aaaa']);
    expect(await new GpuAssignmentsStore(stateDir).list()).toEqual([
      { project: 'ml', service: 'trainer', deviceIds: ['1'] },
      { project: 'ml', service: 'notebook', deviceIds: ['0', '1'] },
      { project: 'other', service: 'trainer', deviceIds: ['GPU-aaaa'] },
    ]);
    expect(await store.forProject('ml')).toEqual({ trainer: ['1'], notebook: ['0', '1'] });

    await store.set('other', 'trainer', null);
    const saved = JSON.parse(readFileSync(join(stateDir, 'gpu-assignments.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ version: 1, projects: { ml: { trainer: ['1'], notebook: ['0', '1'] } } });
  });
});

describe('loadProjectWithOverrides', () => {
  const overrides = () => ({ stateDir, gpuAssignments: store });

  it('replaces the file’s own GPU request with the pinned ids, for the pinned service only', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    await store.set('ml', 'trainer', ['1']);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(devicesOf(project, 'trainer')).toEqual([{ driver: 'nvidia', device_ids: ['1'], capabilities: ['gpu'] }]);
    expect(devicesOf(project, 'notebook')).toEqual([{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }]);
    const overridePath = overrideFilePath(stateDir, 'ml', 'gpu-assignment');
    expect(project.configFiles).toEqual([join(dir, 'compose.yaml'), overridePath]);
    expect(project.workingDir).toBe(dir);
    // The override comes from memory: loading wrote nothing.
    expect(existsSync(overridePath)).toBe(false);
    expect(project.berthFiles).toEqual([
      { path: overridePath, content: expect.stringContaining('devices: !override') },
    ]);
    await writeGpuAssignmentOverride(stateDir, project, await store.forProject('ml'));
    expect(readFileSync(overridePath, 'utf8')).toBe(project.berthFiles[0]!.content);
  });

  it('only reads: loading leaves Berth’s state directory exactly as it was', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    await store.set('ml', 'trainer', ['1']);
    const before = snapshot(stateDir);
    await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(snapshot(stateDir)).toEqual(before);
  });

  it('writes an override file only when its content changes', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    await store.set('ml', 'trainer', ['1']);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    await persistBerthFiles(project);
    const overridePath = overrideFilePath(stateDir, 'ml', 'gpu-assignment');
    const written = statSync(overridePath);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await persistBerthFiles(project);
    expect(statSync(overridePath).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(overridePath).ino).toBe(written.ino);
  });

  it('resets a `gpus:` request too, so the pinned devices are the only ones asked for', async () => {
    const dir = writeProject({
      'compose.yaml': 'name: ml\nservices:\n  trainer:\n    image: busybox\n    gpus: all\n',
    });
    await store.set('ml', 'trainer', ['1']);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(project.model.services.trainer!.gpus).toBeUndefined();
    expect(devicesOf(project, 'trainer')).toEqual([{ driver: 'nvidia', device_ids: ['1'], capabilities: ['gpu'] }]);
  });

  it('applies pins only to the project they were made for', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    await store.set('ml-staging', 'trainer', ['1']);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(devicesOf(project, 'trainer')).toEqual([{ driver: 'nvidia', count: -1, capabilities: ['gpu'] }]);
    expect(project.configFiles).toEqual([join(dir, 'compose.yaml')]);
    expect(existsSync(overrideFilePath(stateDir, 'ml', 'gpu-assignment'))).toBe(false);
    expect(existsSync(overrideFilePath(stateDir, 'ml-staging', 'gpu-assignment'))).toBe(false);
  });

  it('ignores a pin whose service no longer exists instead of adding a stub service', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    await store.set('ml', 'renamed-away', ['0']);
    await store.set('ml', 'notebook', ['0']);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(Object.keys(project.model.services).sort()).toEqual(['notebook', 'trainer']);
    expect(devicesOf(project, 'notebook')).toEqual([{ driver: 'nvidia', device_ids: ['0'], capabilities: ['gpu'] }]);
    expect(project.berthFiles[0]!.content).not.toContain('renamed-away');
  });

  it('removes the override file once the last pin of the project is cleared', async () => {
    const dir = writeProject({ 'compose.yaml': TRAINER });
    const overridePath = overrideFilePath(stateDir, 'ml', 'gpu-assignment');
    await store.set('ml', 'trainer', ['1']);
    const pinned = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    await writeGpuAssignmentOverride(stateDir, pinned, await store.forProject('ml'));
    expect(existsSync(overridePath)).toBe(true);

    await store.set('ml', 'trainer', null);
    const project = await loadProjectWithOverrides({ workingDir: dir, env: {} }, overrides());
    expect(project.berthFiles).toEqual([]);
    await writeGpuAssignmentOverride(stateDir, project, await store.forProject('ml'));
    expect(existsSync(overridePath)).toBe(false);
    expect(devicesOf(project, 'trainer')).toEqual([{ driver: 'nvidia', count: -1, capabilities: ['gpu'] }]);
  });

  it('keeps -p, --project-directory and the -f files the project was loaded with', async () => {
    const dir = writeProject({ 'stack/base.yaml': TRAINER.replace('name: ml\n', '') });
    await store.set('custom', 'trainer', ['0']);
    const project = await loadProjectWithOverrides(
      { workingDir: dir, env: {}, files: ['stack/base.yaml'], projectName: 'custom', projectDirectory: dir },
      overrides(),
    );
    expect(project.name).toBe('custom');
    expect(project.workingDir).toBe(dir);
    expect(project.configFiles).toEqual([
      join(dir, 'stack/base.yaml'),
      overrideFilePath(stateDir, 'custom', 'gpu-assignment'),
    ]);
    expect(devicesOf(project, 'trainer')).toEqual([{ driver: 'nvidia', device_ids: ['0'], capabilities: ['gpu'] }]);
  });
});

/** Every path under `root` with its size and modification time. */
function snapshot(root: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(root, entry));
    out[entry] = [stats.size, stats.mtimeMs];
  }
  return out;
}
