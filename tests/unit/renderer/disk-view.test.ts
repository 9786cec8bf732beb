import { describe, expect, it } from 'vitest';
import { CleanupSelectionSchema, cleanupConfirmation, type ImageDisk } from '@shared/schemas/disk';
import { selectionOf } from '../../../src/renderer/src/features/disk/cleanup-choice';
import { formatAge, imageName } from '../../../src/renderer/src/features/disk/format';
import { nextImageSort, sortImages } from '../../../src/renderer/src/features/disk/image-sort';

function image(id: string, repoTags: string[], sizeBytes: number, createdAt: number, containers = 0): ImageDisk {
  return {
    id,
    repoTags,
    sizeBytes,
    createdAt,
    containers,
    sharedSizeBytes: null,
    uniqueSizeBytes: null,
    projects: [],
    dangling: repoTags.length === 0,
    intermediate: false,
  };
}

describe('the Disk page view logic', () => {
  const images = [
    image('sha256:b', ['torch:2'], 3000, 30, 1),
    image('sha256:a', ['alpine:3'], 3000, 10),
    image('sha256:c', [], 50, 20),
  ];

  it('sorts images by a column, ties by name, and flips on a second click', () => {
    const bySize = sortImages(images, { key: 'size', descending: true });
    expect(bySize.map((i) => i.id)).toEqual(['sha256:a', 'sha256:b', 'sha256:c']);
    const byName = sortImages(images, { key: 'name', descending: false });
    expect(byName.map(imageName)).toEqual(['<none>', 'alpine:3', 'torch:2']);
    expect(nextImageSort({ key: 'size', descending: true }, 'size')).toEqual({ key: 'size', descending: false });
    expect(nextImageSort({ key: 'size', descending: true }, 'name')).toEqual({ key: 'name', descending: false });
    expect(nextImageSort({ key: 'name', descending: false }, 'created')).toEqual({ key: 'created', descending: true });
  });

  it('says how old an image is', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(formatAge(now - 5_000, now)).toBe('5 seconds ago');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatAge(now - 1 * 86400_000, now)).toBe('1 day ago');
    expect(formatAge(now - 800 * 86400_000, now)).toBe('2 years ago');
  });

  it('turns the checkboxes into a selection main accepts, unused images covering dangling ones', () => {
    const choice = { containers: true, danglingImages: true, unusedImages: true, buildCache: false, volumes: false };
    expect(selectionOf(choice)).toMatchObject({ containers: true, images: 'unused', buildCache: false });
    expect(CleanupSelectionSchema.safeParse(selectionOf(choice)).success).toBe(true);
    const none = { containers: false, danglingImages: false, unusedImages: false, buildCache: false, volumes: false };
    expect(CleanupSelectionSchema.safeParse(selectionOf(none)).success).toBe(false);
  });

  it('asks for volumes to be typed, and for anything else the count the user saw', () => {
    const section = (kind: 'volumes' | 'images', count: number) => ({
      kind,
      items: Array.from({ length: count }, (_, i) => ({ id: `${i}`, name: `${i}`, sizeBytes: 1 })),
      reclaimableBytes: count,
    });
    expect(cleanupConfirmation({ sections: [section('images', 3)], itemCount: 3 })).toBe('remove 3 items');
    expect(cleanupConfirmation({ sections: [section('images', 1)], itemCount: 1 })).toBe('remove 1 item');
    expect(cleanupConfirmation({ sections: [section('images', 3), section('volumes', 2)], itemCount: 5 })).toBe(
      'delete 2 volumes',
    );
  });
});
