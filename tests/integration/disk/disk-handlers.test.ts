import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorPayload, Result } from '@shared/errors';
import {
  cleanupConfirmation,
  removeImagesConfirmation,
  type CleanupPlan,
  type CleanupResult,
  type DiskUsage,
  type ImageDisk,
  type ImageLayer,
  type RemoveImagesResult,
} from '@shared/schemas/disk';
import { diskHandlers } from '../../../src/main/handlers/disk';
import type { Desktop } from '../../../src/main/handlers/desktop';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import type { BerthServices } from '../../../src/main/services/create-services';
import { VolumeBrowser } from '../../../src/main/services/volumes/volume-browser';
import { createScratchImage, removeScratchImages } from '../../support/disk/scratch-image';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { createTestContainer, removeProject, uniqueProject } from '../diagnostics/test-containers';

const engine = await requireEngine();

/** The Disk page's operations, called as the renderer calls them: through the contract's validation. */
describe.skipIf(!engine.available)('disk handlers against the real engine', () => {
  const docker = engine.docker;
  const project = uniqueProject('diskui');
  /** The clean-up test's own project: nothing the other tests leave behind falls in its scope. */
  const cleanProject = uniqueProject('diskclean');
  const token = project.replaceAll('-', '');
  const label = `org.berth.disk-ui-test=${token}`;
  const images: string[] = [];
  const volumes: string[] = [];
  const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE, helperIdleMs: 2_000 });
  const services = { connection: { getDocker: () => docker }, volumes: browser } as unknown as BerthServices;
  const handlers = diskHandlers(services, {} as Desktop).operations as unknown as OperationHandlers;

  async function call<T>(name: string, input?: unknown): Promise<T> {
    const result = (await dispatch(handlers, name, input)) as Result<T>;
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
  async function refused(name: string, input?: unknown): Promise<ErrorPayload> {
    const result = await dispatch(handlers, name, input);
    expect(result.ok, `${name} should refuse ${JSON.stringify(input)}`).toBe(false);
    return (result as { ok: false; error: ErrorPayload }).error;
  }
  const exists = (id: string) =>
    docker
      .getImage(id)
      .inspect()
      .then(() => true)
      .catch(() => false);

  afterAll(async () => {
    await removeProject(docker, project);
    await removeProject(docker, cleanProject);
    await removeScratchImages(docker, images);
    for (const name of volumes)
      await docker
        .getVolume(name)
        .remove()
        .catch(() => {});
    await browser.dispose();
  });

  it('lists disk use, images with sizes and an image’s layers', async () => {
    const image = await createScratchImage(docker, { repo: `${project}-sized`, bytes: 2_000_000 });
    images.push(image.id);
    const usage = await call<DiskUsage>('disk.usage');
    expect(usage.categories.map((c) => c.type)).toEqual(['images', 'containers', 'volumes', 'build-cache']);
    const inUsage = usage.images.find((i) => i.id === image.id)!;
    expect(inUsage.repoTags).toEqual([image.ref]);
    // Its own layer holds the 2 MB it wrote; the rest is shared with the test image.
    expect(inUsage.uniqueSizeBytes).toBeGreaterThanOrEqual(2_000_000);
    expect(inUsage.uniqueSizeBytes).toBeLessThan(2_100_000);
    const listed = await call<ImageDisk[]>('disk.images');
    expect(listed.find((i) => i.id === image.id)).toMatchObject({ sizeBytes: inUsage.sizeBytes, containers: 0 });
    const layers = await call<ImageLayer[]>('disk.imageHistory', { image: image.id });
    expect(layers[0]!.sizeBytes).toBeGreaterThanOrEqual(2_000_000);
    expect(layers[0]!.instruction).toContain('head -c 2000000');
  });

  it('refuses bad input with clear errors and removes nothing without the matching confirmation', async () => {
    for (const image of ['../../info', 'berth-test-busybox:latest', 'abc']) {
      expect((await refused('disk.imageHistory', { image })).code).toBe('E_INVALID_INPUT');
    }
    expect((await refused('disk.removeImages', { ids: [], confirmText: 'remove 0 images' })).code).toBe(
      'E_INVALID_INPUT',
    );
    const short = await refused('disk.removeImages', { ids: ['0123456789ab'], confirmText: 'remove 1 image' });
    expect(short.message).toContain('a full image id');
    expect((await refused('disk.planCleanup', {})).message).toContain('choose at least one kind');
    expect((await refused('disk.planCleanup', { buildCache: true, labels: [label] })).message).toContain(
      'build cache has no labels',
    );
    expect((await refused('disk.cleanup', { token: 'not-a-token', confirmText: 'x' })).code).toBe('E_INVALID_INPUT');
    const unknown = await refused('disk.cleanup', { token: randomUUID(), confirmText: 'remove 0 items' });
    expect(unknown.message).toContain('unknown, done already or expired');

    const image = await createScratchImage(docker, { repo: `${project}-kept` });
    images.push(image.id);
    const wrong = await refused('disk.removeImages', { ids: [image.id], confirmText: 'remove 2 images' });
    expect(wrong.message).toContain('confirmation does not match');
    expect(wrong.fix).toContain('remove 1 image');
    expect(await exists(image.id)).toBe(true);
  });

  it('removes chosen images with all their tags, and keeps one a container uses or an image builds on', async () => {
    const free = await createScratchImage(docker, { repo: `${project}-free` });
    const used = await createScratchImage(docker, { repo: `${project}-used` });
    const parent = await createScratchImage(docker, { repo: `${project}-parent` });
    const child = await createScratchImage(docker, { repo: `${project}-child`, base: parent.ref });
    images.push(child.id, free.id, used.id, parent.id);
    await docker.getImage(free.id).tag({ repo: `${project}-free`, tag: 'second' });
    await docker.createContainer({
      Image: used.ref,
      name: `${project}-user-1`,
      Cmd: ['true'],
      Labels: { 'com.docker.compose.project': project },
    });

    const result = await call<RemoveImagesResult>('disk.removeImages', {
      ids: [free.id, used.id, parent.id],
      confirmText: removeImagesConfirmation(3),
    });
    expect(result.removed.map((i) => i.id)).toEqual([free.id]);
    expect(result.removed[0]!.name).toContain(`${project}-free:second`);
    expect(result.reclaimedBytes).toBeGreaterThanOrEqual(1_000_000);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        id: used.id,
        reason: expect.stringContaining(`a container uses it (project ${project})`),
      }),
      expect.objectContaining({ id: parent.id, reason: 'an image is built on it: remove that first' }),
    ]);
    // Kept whole: its tag too.
    expect((await docker.getImage(parent.id).inspect()).RepoTags).toEqual([parent.ref]);
    expect(await exists(free.id)).toBe(false);
    expect(await exists(used.id)).toBe(true);
  });

  it('cleans up exactly what it showed: stopped containers, dangling images and, when chosen, volumes', async () => {
    const labels = { 'org.berth.disk-ui-test': token };
    const stopped = await createTestContainer(docker, {
      project: cleanProject,
      service: 'done',
      script: 'true',
      start: false,
    });
    const running = await createTestContainer(docker, { project: cleanProject, service: 'alive', script: 'sleep 600' });
    // The volume carries the project label too, so this scope picks it along with the containers.
    const scoped = [`com.docker.compose.project=${cleanProject}`];
    const first = await createScratchImage(docker, { repo: `${cleanProject}-img`, labels });
    const second = await createScratchImage(docker, { repo: `${cleanProject}-img`, labels });
    images.push(first.id, second.id);
    const volume = `${cleanProject}-data`;
    await docker.createVolume({ Name: volume, Labels: { ...labels, 'com.docker.compose.project': cleanProject } });
    volumes.push(volume);

    const withoutVolumes = await call<CleanupPlan>('disk.planCleanup', {
      containers: true,
      images: 'dangling',
      labels: scoped,
    });
    expect(withoutVolumes.sections.map((s) => s.kind)).toEqual(['containers', 'images']);
    expect(withoutVolumes.sections[0]!.items.map((i) => i.id)).toEqual([stopped.id]);
    expect(withoutVolumes.sections[1]!.items).toEqual([]);

    const imagePlan = await call<CleanupPlan>('disk.planCleanup', {
      images: 'dangling',
      labels: [`org.berth.disk-ui-test=${token}`],
    });
    // `first` lost its tag to `second`: it is dangling now, and the only image listed.
    expect(imagePlan.sections[0]!.items.map((i) => i.id)).toEqual([first.id]);
    expect(imagePlan.reclaimableBytes).toBeGreaterThanOrEqual(1_000_000);
    const imageResult = await call<CleanupResult>('disk.cleanup', {
      token: imagePlan.token,
      confirmText: cleanupConfirmation(imagePlan),
    });
    expect(imageResult.sections[0]!.removed.map((i) => i.id)).toEqual([first.id]);
    expect(await exists(first.id)).toBe(false);
    expect(await exists(second.id)).toBe(true);

    const plan = await call<CleanupPlan>('disk.planCleanup', { containers: true, volumes: true, labels: scoped });
    expect(plan.sections.find((s) => s.kind === 'volumes')!.items.map((i) => i.id)).toEqual([volume]);
    expect(cleanupConfirmation(plan)).toBe('delete 1 volume');
    // The button's words are not enough once volumes are in the plan: the user types them.
    const untyped = await refused('disk.cleanup', { token: plan.token, confirmText: 'remove 2 items' });
    expect(untyped.fix).toContain('delete 1 volume');
    const result = await call<CleanupResult>('disk.cleanup', { token: plan.token, confirmText: 'delete 1 volume' });
    expect(result.sections.map((s) => [s.kind, s.removed.map((i) => i.id)])).toEqual([
      ['containers', [stopped.id]],
      ['volumes', [volume]],
    ]);
    await expect(docker.getContainer(stopped.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(docker.getVolume(volume).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await running.inspect()).State.Running).toBe(true);
    expect((await refused('disk.cleanup', { token: plan.token, confirmText: 'delete 1 volume' })).message).toContain(
      'done already',
    );
  });
});
