/**
 * GPUs pinned from the app run through Berth's own override file: `docker compose` with that file sees the same
 * devices as Berth's loader, `berth config` shows them, and the container Berth creates gets exactly the pinned
 * GPUs (created, not started: this engine has no GPU).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { configCommand } from '../../../src/main/cli/commands/config';
import { containerSpec } from '../../../src/main/services/compose/engine/spec/container-spec';
import { GpuAssignmentsStore } from '../../../src/main/services/compose/berth-overrides/gpu-assignments-store';
import { writeGpuAssignmentOverride } from '../../../src/main/services/compose/berth-overrides/gpu-assignment-override';
import { loadProjectWithOverrides } from '../../../src/main/services/compose/berth-overrides/load-with-overrides';
import { overrideFilePath } from '../../../src/main/services/compose/berth-overrides/state-dir';
import { captureCli } from '../../support/cli-context';
import { requireEngine } from '../../support/require-engine';
import { compose, testProject, type TestProject } from './support';

const engine = await requireEngine();

const STACK = `
name: \${NAME}
services:
  trainer:
    image: berth-test-busybox:latest
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: all, capabilities: [gpu]}]}}}
  notebook:
    image: berth-test-busybox:latest
    deploy: {resources: {reservations: {devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]}}}
`;

interface ConfigJson {
  services: Record<string, { deploy?: { resources?: { reservations?: { devices?: unknown[] } } } }>;
}
const devicesIn = (config: ConfigJson, service: string) =>
  config.services[service]?.deploy?.resources?.reservations?.devices;

describe.skipIf(!engine.available)('GPU pins through Berth’s override file', () => {
  const docker = engine.docker;
  let project: TestProject;
  let stateHome: string;
  let store: GpuAssignmentsStore;
  const stateDir = () => join(stateHome, 'berth');

  beforeEach(async () => {
    project = testProject(docker, 'gpu-pin', { 'compose.yaml': STACK });
    stateHome = mkdtempSync(join(tmpdir(), 'berth-state-home-'));
    store = new GpuAssignmentsStore(stateDir());
    await store.set(project.name, 'trainer', ['1']);
  });
  afterEach(async () => {
    await project.cleanup();
    rmSync(stateHome, { recursive: true, force: true });
  });

  const loadPinned = () =>
    loadProjectWithOverrides(
      { workingDir: project.dir, env: { PATH: process.env.PATH } },
      { stateDir: stateDir(), gpuAssignments: store },
    );

  it('docker compose -f compose.yaml -f <override> sees the devices Berth loads, and so does berth config', async () => {
    const loaded = await loadPinned();
    // Loading only reads; the pin operation writes the file Compose is given (only when it changed).
    await writeGpuAssignmentOverride(stateDir(), loaded, await store.forProject(project.name));
    const override = overrideFilePath(stateDir(), project.name, 'gpu-assignment');
    const fromCompose = JSON.parse(
      await compose(project.dir, '-f', 'compose.yaml', '-f', override, 'config', '--format', 'json'),
    ) as ConfigJson;
    expect(devicesIn(fromCompose, 'trainer')).toEqual([{ driver: 'nvidia', device_ids: ['1'], capabilities: ['gpu'] }]);
    expect(devicesIn(fromCompose, 'notebook')).toEqual([{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }]);
    const trainer = loaded.model.services.trainer as ConfigJson['services'][string];
    expect(trainer.deploy?.resources?.reservations?.devices).toEqual(devicesIn(fromCompose, 'trainer'));

    const cli = captureCli({ PATH: process.env.PATH, HOME: stateHome, XDG_STATE_HOME: stateHome }, project.dir);
    expect(await configCommand.run([], cli.context)).toBe(0);
    const fromBerth = JSON.parse(cli.stdout()) as ConfigJson;
    expect(devicesIn(fromBerth, 'trainer')).toEqual(devicesIn(fromCompose, 'trainer'));
  });

  it('the container Berth creates for the pinned service requests exactly the pinned GPU', async () => {
    const loaded = await loadPinned();
    const image = await docker.getImage('berth-test-busybox:latest').inspect();
    const inspect = async (service: string): Promise<Docker.ContainerInspectInfo> => {
      const spec = containerSpec({ project: loaded, service, number: 1, imageId: image.Id, containerIdOf: () => '' });
      delete spec.create.NetworkingConfig;
      spec.create.HostConfig!.NetworkMode = 'none';
      return (await docker.createContainer(spec.create)).inspect();
    };
    expect((await inspect('trainer')).HostConfig.DeviceRequests).toEqual([
      { Driver: 'nvidia', Count: 0, DeviceIDs: ['1'], Capabilities: [['gpu']], Options: {} },
    ]);
    expect((await inspect('notebook')).HostConfig.DeviceRequests).toEqual([
      { Driver: 'nvidia', Count: 1, DeviceIDs: null, Capabilities: [['gpu']], Options: {} },
    ]);
  });
});
