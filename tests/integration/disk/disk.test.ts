import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiskUsage, ImageDisk, PrunePlan } from '@shared/schemas/disk';
import { PruneService } from '../../../src/main/services/disk/prune';
import { readDiskUsage } from '../../../src/main/services/disk/system-df';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { runBerth } from '../../support/spawn-berth';
import { createTestContainer, removeProject, uniqueProject, waitFor } from '../diagnostics/test-containers';

const exec = promisify(execFile);
const engine = await requireEngine();

/**
 * Other helpers' tests create and remove containers and images on this engine all the time, so `berth df` and
 * `docker system df` taken one after the other can differ by what changed in between. The lines are compared
 * for equality in a quiet moment (up to five tries); failing that, counts may differ by this many and sizes by this
 * share of docker's (plus 1 MB).
 */
const COUNT_TOLERANCE = 3;
const SIZE_TOLERANCE = 0.05;

function parseHumanSize(text: string): number {
  const match = /^([\d.]+)([kMGT]?B)$/.exec(text);
  if (!match) throw new Error(`not a size: ${text}`);
  return Number(match[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[match[2] as 'B']!;
}

describe.skipIf(!engine.available)('disk use and prune', () => {
  const project = uniqueProject('disk');
  const token = project.replaceAll('-', '');
  const label = `org.berth.h5-test=${token}`;
  const buildDir = mkdtempSync(path.join(tmpdir(), 'berth-h5-disk-'));
  const images: string[] = [];

  afterAll(async () => {
    await removeProject(engine.docker, project);
    for (const image of images.reverse())
      await engine.docker
        .getImage(image)
        .remove({ force: true })
        .catch(() => {});
    rmSync(buildDir, { recursive: true, force: true });
  });

  it('berth df prints the totals docker system df prints (same engine, same moment)', async () => {
    let best: { ours: string[]; theirs: string[] } | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      const [ours, theirs] = await Promise.all([
        runBerth(['df'], { exitWithinMs: 60_000 }),
        exec('docker', ['system', 'df'], { maxBuffer: 1 << 20 }),
      ]);
      expect(ours.code).toBe(0);
      best = { ours: ours.stdout.split('\n').slice(0, 5), theirs: theirs.stdout.split('\n').slice(0, 5) };
      if (best.ours.join('\n') === best.theirs.join('\n')) break;
    }
    const rows = (lines: string[]) => lines.slice(1).map((line) => line.split(/\s{3,}/));
    const ours = rows(best!.ours);
    const theirs = rows(best!.theirs);
    expect(ours.map((row) => row[0])).toEqual(['Images', 'Containers', 'Local Volumes', 'Build Cache']);
    ours.forEach((row, i) => {
      const other = theirs[i]!;
      expect(row[0]).toBe(other[0]);
      expect(Math.abs(Number(row[1]) - Number(other[1]))).toBeLessThanOrEqual(COUNT_TOLERANCE);
      const [size, theirSize] = [parseHumanSize(row[3]!), parseHumanSize(other[3]!)];
      expect(Math.abs(size - theirSize)).toBeLessThanOrEqual(theirSize * SIZE_TOLERANCE + 1e6);
    });
  });

  it('berth df --json and -v describe the same engine, with per-project totals', async () => {
    await createTestContainer(engine.docker, {
      project,
      service: 'writer',
      script: 'head -c 300000 /dev/zero > /blob; sleep 600',
    });
    const usage = await waitFor(
      'the writable layer to show',
      async () => {
        const json = await runBerth(['df', '--json'], { exitWithinMs: 60_000 });
        expect(json.code).toBe(0);
        const parsed = JSON.parse(json.stdout) as DiskUsage;
        return (parsed.projects.find((p) => p.project === project)?.containersBytes ?? 0) >= 300_000
          ? parsed
          : undefined;
      },
      30_000,
    );
    const mine = usage.projects.find((p) => p.project === project)!;
    expect(mine.imagesBytes).toBe(usage.images.find((i) => i.repoTags.includes(TEST_IMAGE))!.sizeBytes);
    expect(mine.totalBytes).toBe(mine.imagesBytes + mine.containersBytes + mine.volumesBytes);
    const verbose = await runBerth(['df', '-v'], { exitWithinMs: 60_000 });
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toContain(`${project}-writer-1`);
    expect(verbose.stdout).toMatch(/^Build cache usage: /m);
  });

  it('prune containers removes exactly the stopped containers it listed, after asking', async () => {
    await createTestContainer(engine.docker, { project, service: 'done', script: 'true' });
    await createTestContainer(engine.docker, { project, service: 'never', script: 'true', start: false });
    await createTestContainer(engine.docker, { project, service: 'alive', script: 'sleep 600' });
    await waitFor(
      'the short job to exit',
      async () => {
        const [c] = await engine.docker.listContainers({ all: true, filters: { name: [`${project}-done-1`] } });
        return c?.State === 'exited' ? true : undefined;
      },
      20_000,
    );

    const dry = await runBerth(['prune', 'containers', '-p', project, '--dry-run', '--json'], { exitWithinMs: 30_000 });
    expect(dry.code).toBe(0);
    const listed = (JSON.parse(dry.stdout) as { plan: PrunePlan }).plan.items.map((i) => i.name).sort();
    expect(listed).toEqual([`${project}-done-1`, `${project}-never-1`]);

    const declined = await runBerth(['prune', 'containers', '-p', project], { input: 'n\n', exitWithinMs: 30_000 });
    expect(declined.code).toBe(0);
    expect(declined.stdout).toContain('Would remove 2 containers');
    expect(declined.stdout).toContain('Cancelled; nothing was removed.');

    const service = new PruneService(engine.docker);
    const plan = await service.plan('containers', { project });
    expect(plan.items.map((i) => i.name).sort()).toEqual(listed);
    // Stopped after the plan was made: not listed, so it must stay.
    await createTestContainer(engine.docker, { project, service: 'late', script: 'true', start: false });
    const result = await service.execute(plan.token);
    expect(result.removed.map((i) => i.name).sort()).toEqual(listed);
    expect(result.skipped).toEqual([]);
    const left = (
      await engine.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } })
    )
      .map((c) => c.Names[0]!.slice(1))
      .sort();
    expect(left).toEqual([`${project}-alive-1`, `${project}-late-1`, `${project}-writer-1`]);
    await expect(service.execute(plan.token)).rejects.toThrow(/unknown, used or expired/);

    const forced = await runBerth(['prune', 'containers', '-p', project, '-f'], { exitWithinMs: 30_000 });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Removed 1 containers`);
  });

  it('prune images removes the dangling image it listed and nothing else; images and history show it', async () => {
    const base = await createTestContainer(engine.docker, { project, service: 'base', script: 'true', start: false });
    const repo = `berth-h5-test/${token}`;
    for (const change of ['LABEL step=one', 'LABEL step=two']) {
      const { Id } = (await base.commit({ repo, tag: 'latest', changes: [`LABEL ${label}`, change] })) as {
        Id: string;
      };
      images.push(Id);
    }
    const [dangling, tagged] = images;
    const listing = await runBerth(['images', '--json'], { exitWithinMs: 30_000 });
    expect(listing.code).toBe(0);
    const rows = JSON.parse(listing.stdout) as ImageDisk[];
    expect(rows.find((i) => i.id === dangling)).toMatchObject({ dangling: true, repoTags: [] });
    expect(rows.find((i) => i.id === tagged)).toMatchObject({ dangling: false, repoTags: [`${repo}:latest`] });
    const table = await runBerth(['images'], { exitWithinMs: 30_000 });
    expect(table.stdout).toMatch(new RegExp(`^${repo}\\s+latest\\s+${tagged!.slice(7, 19)}\\s`, 'm'));
    const history = await runBerth(['images', 'history', `${repo}:latest`], { exitWithinMs: 30_000 });
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT/);
    expect(history.stdout).toContain('Imported from -');
    const missing = await runBerth(['images', 'history', 'berth-h5-no-such-image:nope'], { exitWithinMs: 30_000 });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No image "berth-h5-no-such-image:nope"');

    const pruned = await runBerth(['prune', 'images', '--filter', `label=${label}`, '-f', '--json'], {
      exitWithinMs: 60_000,
    });
    expect(pruned.code).toBe(0);
    const { plan, result } = JSON.parse(pruned.stdout) as {
      plan: PrunePlan;
      result: { removed: Array<{ id: string }> };
    };
    expect(plan.items.map((i) => i.id)).toEqual([dangling]);
    expect(result.removed.map((i) => i.id)).toEqual([dangling]);
    await expect(engine.docker.getImage(dangling!).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(engine.docker.getImage(tagged!).inspect()).resolves.toMatchObject({ Id: tagged });
  });

  it('prune build-cache removes only the records it listed', async () => {
    writeFileSync(path.join(buildDir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${token} > /marker\n`);
    writeFileSync(
      path.join(buildDir, 'compose.yaml'),
      `name: ${project}\nservices:\n  app:\n    build: .\n    image: ${project}-app\n`,
    );
    await exec('docker', ['compose', 'build', '--pull=false'], { cwd: buildDir, timeout: 120_000 }).catch(() =>
      exec('docker', ['compose', 'build'], { cwd: buildDir, timeout: 120_000 }),
    );
    images.push(`${project}-app`);
    // Records in use belong to builds running right now (other tests'): they come and go on their own.
    const before = (await readDiskUsage(engine.docker)).buildCache.filter((r) => !r.inUse).map((r) => r.id);
    const service = new PruneService(engine.docker);
    const plan = await service.plan('build-cache', { description: token });
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.items.every((i) => i.name.includes(token))).toBe(true);
    const result = await service.execute(plan.token);
    expect(result.removed.map((i) => i.id).sort()).toEqual(plan.items.map((i) => i.id).sort());
    const after = new Set((await readDiskUsage(engine.docker)).buildCache.map((r) => r.id));
    const removedIds = new Set(plan.items.map((i) => i.id));
    expect(before.filter((id) => !after.has(id) && !removedIds.has(id))).toEqual([]);
    for (const id of removedIds) expect(after.has(id)).toBe(false);
  });

  it('exits 2 on usage errors and 1 with the engine diagnosis when no engine answers', async () => {
    for (const args of [
      ['prune'],
      ['prune', 'volumes'],
      ['prune', 'containers', '-a'],
      ['df', 'extra'],
      ['images', 'history'],
    ]) {
      const run = await runBerth(args, { exitWithinMs: 10_000 });
      expect(run.code, args.join(' ')).toBe(2);
    }
    const away = await runBerth(['df'], {
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/berth-h5.sock' },
      exitWithinMs: 15_000,
    });
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(/^berth df: cannot reach the Docker engine at unix:\/\/\/nonexistent\/berth-h5\.sock/);
    expect(away.stderr).not.toContain('Unexpected error');
  });
});
