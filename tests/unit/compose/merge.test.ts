import { describe, expect, it } from 'vitest';
import { enforceUnicity } from '../../../src/main/services/compose/merge/enforce-unicity';
import { mergeComposeMaps } from '../../../src/main/services/compose/merge/merge-files';

const merged = (base: unknown, override: unknown) =>
  enforceUnicity(mergeComposeMaps({ services: { s: base } }, { services: { s: override } })) as {
    services: { s: Record<string, unknown> };
  };

describe('merging Compose files', () => {
  it('replaces scalars and command/entrypoint/healthcheck.test, merges maps recursively', () => {
    const { s } = merged(
      {
        image: 'a:1',
        command: ['echo', 'base'],
        entrypoint: ['sh'],
        healthcheck: { test: ['CMD', 'true'], interval: '10s' },
      },
      { image: 'a:2', command: 'echo over', healthcheck: { test: ['CMD', 'false'] } },
    ).services;
    expect(s).toEqual({
      image: 'a:2',
      command: 'echo over',
      entrypoint: ['sh'],
      healthcheck: { test: ['CMD', 'false'], interval: '10s' },
    });
  });

  it('merges environment, labels and sysctls by key whatever their syntax', () => {
    const { s } = merged(
      { environment: { A: 'base', B: 'base' }, labels: ['l1=base', 'l2=base'] },
      { environment: ['B=over', 'C=over'], labels: { l2: 'over', l3: 'over' } },
    ).services;
    expect(s.environment).toEqual(['A=base', 'B=over', 'C=over']);
    expect(s.labels).toEqual(['l1=base', 'l2=over', 'l3=over']);
  });

  it('appends sequences, keeping one entry per port binding, volume target, secret target', () => {
    const { s } = merged(
      { ports: ['8080:80', '9090:90'], volumes: ['./a:/data', 'v1:/v1'], cap_add: ['NET_ADMIN'], secrets: ['x'] },
      {
        ports: ['8081:80', '9090:90'],
        volumes: ['./b:/data'],
        cap_add: ['NET_ADMIN', 'SYS_ADMIN'],
        secrets: [{ source: 'y', target: '/run/secrets/x' }],
      },
    ).services;
    expect(s.ports).toEqual(['8080:80', '9090:90', '8081:80']);
    expect(s.volumes).toEqual(['./b:/data', 'v1:/v1']);
    expect(s.cap_add).toEqual(['NET_ADMIN', 'SYS_ADMIN']);
    expect(s.secrets).toEqual([{ source: 'y', target: '/run/secrets/x' }]);
  });

  it('merges depends_on and networks as maps, logging by driver', () => {
    const { s } = merged(
      { depends_on: ['db'], networks: ['front'], logging: { driver: 'json-file', options: { 'max-size': '1m' } } },
      {
        depends_on: { cache: { condition: 'service_healthy' } },
        networks: { back: { aliases: ['b'] } },
        logging: { driver: 'syslog', options: { tag: 'x' } },
      },
    ).services;
    expect(s.depends_on).toEqual({
      db: { condition: 'service_started', required: true },
      cache: { condition: 'service_healthy' },
    });
    expect(s.networks).toEqual({ front: null, back: { aliases: ['b'] } });
    expect(s.logging).toEqual({ driver: 'syslog', options: { tag: 'x' } });
    const sameDriver = merged(
      { logging: { driver: 'json-file', options: { a: '1' } } },
      { logging: { options: { b: '2' } } },
    ).services.s;
    expect(sameDriver.logging).toEqual({ driver: 'json-file', options: { a: '1', b: '2' } });
  });

  it('merges build given as a string or a map, and extra_hosts without duplicates', () => {
    const { s } = merged(
      { build: '.', extra_hosts: ['a=1.1.1.1'] },
      { build: { dockerfile: 'Other' }, extra_hosts: ['a=1.1.1.1', 'b=2.2.2.2'] },
    ).services;
    expect(s.build).toEqual({ context: '.', dockerfile: 'Other' });
    expect(s.extra_hosts).toEqual(['a=1.1.1.1', 'b=2.2.2.2']);
  });

  it('replaces x- extensions instead of merging them, and refuses to merge a map into a scalar', () => {
    expect(mergeComposeMaps({ 'x-a': { one: 1 } }, { 'x-a': { two: 2 } })).toEqual({ 'x-a': { two: 2 } });
    expect(() =>
      mergeComposeMaps({ services: { s: { deploy: { resources: {} } } } }, { services: { s: { deploy: 'x' } } }),
    ).toThrow('cannot override services.s.deploy');
  });
});
