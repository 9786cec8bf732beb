import { describe, expect, it } from 'vitest';
import { builderOf, engineBuilder } from '../../../src/main/services/build/builder-choice';
import type Docker from 'dockerode';

describe('builder choice', () => {
  it('uses BuildKit on Docker engines for Linux with sessions, the classic builder elsewhere', () => {
    expect(builderOf({ ApiVersion: '1.41', Os: 'linux', Platform: { Name: 'Docker Engine - Community' } })).toBe(
      'buildkit',
    );
    expect(builderOf({ ApiVersion: '1.38', Os: 'linux' })).toBe('classic');
    expect(builderOf({ ApiVersion: '1.41', Os: 'windows' })).toBe('classic');
    expect(builderOf({ ApiVersion: '1.41', Os: 'linux', Components: [{ Name: 'Podman Engine' }] })).toBe('classic');
  });

  it('honours DOCKER_BUILDKIT=0 without asking the engine', async () => {
    const docker = { version: () => Promise.reject(new Error('not asked')) } as unknown as Docker;
    expect(await engineBuilder(docker, { DOCKER_BUILDKIT: '0' })).toBe('classic');
  });
});
