import { describe, expect, it } from 'vitest';
import { PullProgress } from '../../../src/main/services/compose/engine/image/pull-progress';
import { registryOf } from '../../../src/main/services/compose/engine/image/registry-auth';

describe('PullProgress', () => {
  it('tracks bytes per layer and an overall percent', () => {
    const progress = new PullProgress();
    expect(progress.update({ status: 'Pulling from x', id: 'latest' })).toBe(false);
    progress.update({ id: 'l1', status: 'Pulling fs layer' });
    progress.update({ id: 'l2', status: 'Pulling fs layer' });
    progress.update({ id: 'l1', status: 'Downloading', progressDetail: { current: 50, total: 100 } });
    progress.update({ id: 'l2', status: 'Downloading', progressDetail: { current: 0, total: 300 } });
    expect(progress.percent()).toBe(12.5);
    progress.update({ id: 'l1', status: 'Pull complete', progressDetail: {} });
    progress.update({ id: 'l2', status: 'Downloading', progressDetail: { current: 300, total: 300 } });
    expect(progress.percent()).toBe(100);
    expect(progress.snapshot()).toEqual([
      { id: 'l1', status: 'Pull complete', current: 100, total: 100 },
      { id: 'l2', status: 'Downloading', current: 300, total: 300 },
    ]);
    expect(progress.update({ status: 'Digest: sha256:abc', id: 'x' })).toBe(false);
  });
});

describe('registryOf', () => {
  it('finds the registry host of an image reference', () => {
    expect(registryOf('busybox')).toBe('docker.io');
    expect(registryOf('library/busybox:1')).toBe('docker.io');
    expect(registryOf('127.0.0.1:5000/team/img:tag')).toBe('127.0.0.1:5000');
    expect(registryOf('ghcr.io/org/img')).toBe('ghcr.io');
    expect(registryOf('localhost/img')).toBe('localhost');
  });
});
