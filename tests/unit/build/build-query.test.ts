import { describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import { buildQuery, type BuildQueryInput } from '../../../src/main/services/build/buildkit/build-query';

const base: BuildQueryInput = {
  service: 'app',
  build: {},
  tags: ['demo-app'],
  dockerfileName: 'Dockerfile',
  args: { A: '1' },
  labels: { 'com.docker.compose.service': 'app' },
  buildId: 'b1',
};

describe('build query', () => {
  it('asks for a BuildKit build on the session, with the context and Dockerfile from it', () => {
    expect(buildQuery(base)).toEqual({
      query: {
        version: '2',
        remote: 'client-session',
        buildid: 'b1',
        dockerfile: 'Dockerfile',
        t: ['demo-app'],
        buildargs: '{"A":"1"}',
        labels: '{"com.docker.compose.service":"app"}',
      },
      warnings: [],
    });
  });

  it('maps what Compose writes to what the Engine API takes', () => {
    const { query } = buildQuery({
      ...base,
      build: {
        target: 'prod',
        no_cache: true,
        pull: true,
        network: 'host',
        extra_hosts: ['db=10.0.0.2', 'v6=::1'],
        shm_size: '2147483648',
        ulimits: { nofile: { soft: 10, hard: 20 }, nproc: 5 },
        cache_from: ['registry/app:cache', 'type=registry,ref=registry/app:other'],
        platforms: ['linux/amd64'],
      },
    });
    expect(query).toMatchObject({
      target: 'prod',
      nocache: '1',
      pull: '1',
      networkmode: 'host',
      extrahosts: ['db:10.0.0.2', 'v6:::1'],
      shmsize: '2147483648',
      platform: 'linux/amd64',
      cachefrom: '["registry/app:cache","registry/app:other"]',
    });
    expect(JSON.parse(query.ulimits as string)).toEqual([
      { Name: 'nofile', Soft: 10, Hard: 20 },
      { Name: 'nproc', Soft: 5, Hard: 5 },
    ]);
  });

  it('warns about what the engine cannot do instead of failing', () => {
    const { warnings } = buildQuery({
      ...base,
      build: { cache_from: ['type=local,src=/tmp/c'], cache_to: ['type=inline'], privileged: true },
    });
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(
      /cache_from "type=local,src=\/tmp\/c" skipped[\s\S]*cache_to skipped[\s\S]*privileged/,
    );
  });

  it('builds one platform: the only one listed, or the service platform among several; never several', () => {
    const platforms = ['linux/amd64', 'linux/arm64'];
    expect(buildQuery({ ...base, build: { platforms }, servicePlatform: 'linux/arm64' }).query.platform).toBe(
      'linux/arm64',
    );
    expect(() => buildQuery({ ...base, build: { platforms } })).toThrow(BerthError);
    expect(() => buildQuery({ ...base, build: { platforms }, servicePlatform: 'linux/s390x' })).toThrow(
      /not one of its build platforms/,
    );
  });
});
