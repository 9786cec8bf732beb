import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiskSummary } from '../../../src/main/cli/commands/disk-format';
import type { RawDf } from '../../../src/main/services/disk/engine-df';
import { summarizeDiskUsage } from '../../../src/main/services/disk/system-df';

// `GET /system/df` and `docker system df` (CLI 28.2) recorded back to back on the shared dockerd 20.10.
const raw = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'df.json'), 'utf8')) as RawDf;
const docker = readFileSync(path.join(__dirname, 'fixtures', 'docker-system-df.txt'), 'utf8');

describe('disk usage', () => {
  it('prints the same four lines as docker system df', () => {
    const ours = formatDiskSummary({ ...summarizeDiskUsage(raw), projects: [] });
    expect(ours).toBe(docker);
  });

  it('adds up each compose project, and marks dangling and intermediate images', () => {
    const usage = summarizeDiskUsage(raw);
    for (const project of usage.projects) {
      expect(project.totalBytes).toBe(project.imagesBytes + project.containersBytes + project.volumesBytes);
    }
    for (const image of usage.images) {
      expect(image.dangling && image.intermediate).toBe(false);
      if (image.repoTags.length > 0) expect(image.dangling || image.intermediate).toBe(false);
    }
    const withUsers = usage.images.filter((image) => image.projects.length > 0);
    expect(withUsers.every((image) => image.containers > 0)).toBe(true);
  });

  it('counts unmeasured sizes (-1) as unknown, not negative', () => {
    const usage = summarizeDiskUsage({
      LayersSize: 100,
      Images: [{ Id: 'sha256:a', Size: 100, SharedSize: -1, Containers: -1, RepoTags: ['<none>:<none>'] }],
      Volumes: [{ Name: 'v', UsageData: { Size: -1, RefCount: -1 } }],
    });
    expect(usage.images[0]).toMatchObject({
      sharedSizeBytes: null,
      uniqueSizeBytes: null,
      containers: 0,
      dangling: true,
    });
    expect(usage.volumes[0]).toMatchObject({ sizeBytes: null, refCount: 0 });
    expect(usage.categories.find((c) => c.type === 'volumes')).toMatchObject({ sizeBytes: 0, reclaimableBytes: 0 });
  });
});
