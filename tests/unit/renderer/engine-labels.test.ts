import { describe, expect, it } from 'vitest';
import { suggestedName } from '../../../src/renderer/src/features/engine/engine-labels';

describe('the name the Add engine dialog suggests', () => {
  it('is the host of an ssh or tcp address, or the socket file', () => {
    expect(suggestedName('ssh://ada@gpu-box:2222')).toBe('gpu-box');
    expect(suggestedName('ssh://lab.example.org')).toBe('lab.example.org');
    expect(suggestedName('tcp://[::1]:2376')).toBe('');
    expect(suggestedName('tcp://10.0.0.5:2376')).toBe('10.0.0.5');
    expect(suggestedName('unix:///run/user/1000/podman/podman.sock')).toBe('podman');
    expect(suggestedName('')).toBe('');
  });
});
