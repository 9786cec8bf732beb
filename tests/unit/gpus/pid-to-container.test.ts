import { describe, expect, it } from 'vitest';
import { containerIdFromCgroup } from '../../../src/main/services/gpus/pid-to-container';

const ID = 'f3c8b1e0a9d24c6e8b7a5f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const INNER = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('containerIdFromCgroup', () => {
  it.each([
    ['cgroup v1, cgroupfs driver', `12:memory:/docker/${ID}\n11:pids:/docker/${ID}\n1:name=systemd:/docker/${ID}\n`],
    ['cgroup v1, systemd driver', `4:memory:/system.slice/docker-${ID}.scope\n0::/\n`],
    ['cgroup v2, systemd driver', `0::/system.slice/docker-${ID}.scope\n`],
    ['cgroup v2, cgroupfs driver', `0::/docker/${ID}\n`],
    [
      'rootless Docker',
      `0::/user.slice/user-1000.slice/user@1000.service/app.slice/docker.service/docker-${ID}.scope\n`,
    ],
    ['Podman', `0::/machine.slice/libpod-${ID}.scope/container\n`],
  ])('finds the container id (%s)', (_case, text) => {
    expect(containerIdFromCgroup(text)).toBe(ID);
  });

  it('takes the innermost container of a nested engine', () => {
    expect(containerIdFromCgroup(`0::/docker/${ID}/docker/${INNER}\n`)).toBe(INNER);
  });

  it('returns null for host processes and look-alikes', () => {
    expect(containerIdFromCgroup('0::/user.slice/user-1000.slice/session-2.scope\n')).toBeNull();
    expect(containerIdFromCgroup(`0::/system.slice/${ID}extra.service\n`)).toBeNull();
    expect(containerIdFromCgroup('')).toBeNull();
  });
});
