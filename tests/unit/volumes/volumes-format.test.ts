import { describe, expect, it } from 'vitest';
import { formatEntries, formatVolumeList } from '../../../src/main/cli/commands/volumes-format';
import type { VolumeSummary } from '@shared/schemas/volumes';

const volume = (name: string, overrides: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  createdAt: null,
  scope: 'local',
  labels: {},
  project: null,
  composeName: null,
  usedBy: [],
  dangling: true,
  ...overrides,
});

describe('berth volumes output', () => {
  it('lists volumes with project, users or (dangling), then bind mounts', () => {
    const text = formatVolumeList({
      volumes: [
        volume('ml_data', {
          project: 'ml',
          composeName: 'data',
          dangling: false,
          usedBy: [
            {
              containerId: 'c1',
              containerName: 'ml-trainer-1',
              project: 'ml',
              service: 'trainer',
              state: 'running',
              destination: '/data',
              readOnly: false,
            },
          ],
        }),
        volume('scratch'),
      ],
      bindMounts: [
        {
          containerId: 'c1',
          containerName: 'ml-trainer-1',
          project: 'ml',
          service: 'trainer',
          source: '/home/me/code',
          destination: '/app',
          readOnly: true,
        },
      ],
    });
    expect(text).toBe(
      [
        'NAME     PROJECT  DRIVER  USED BY',
        'ml_data  ml/data  local   ml-trainer-1:/data',
        'scratch  -        local   (dangling)',
        '',
        'BIND MOUNT     CONTAINER     DESTINATION',
        '/home/me/code  ml-trainer-1  /app (ro)',
        '',
      ].join('\n'),
    );
    expect(formatVolumeList({ volumes: [], bindMounts: [] })).toBe('No volumes.\n');
  });

  it('lists entries like ls -l with UTC times and link targets', () => {
    expect(
      formatEntries([
        {
          name: 'ckpt',
          type: 'directory',
          size: 4096,
          mtimeMs: Date.UTC(2024, 0, 2, 3, 4, 5),
          mode: 0o755,
          linkTarget: null,
        },
        { name: 'latest', type: 'symlink', size: 8, mtimeMs: 0, mode: 0o777, linkTarget: 'model.pt' },
      ]),
    ).toBe(
      'drwxr-xr-x        4096  2024-01-02 03:04:05  ckpt\nlrwxrwxrwx           8  1970-01-01 00:00:00  latest -> model.pt\n',
    );
  });
});
