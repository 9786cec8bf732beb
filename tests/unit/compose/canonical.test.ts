import { describe, expect, it } from 'vitest';
import { toCanonical } from '../../../src/main/services/compose/transform/canonical';
import { setDefaultValues } from '../../../src/main/services/compose/transform/defaults';
import { parsePortSpec } from '../../../src/main/services/compose/transform/port-spec';
import { parseVolumeSpec } from '../../../src/main/services/compose/transform/volume-spec';

describe('short syntax → long syntax', () => {
  it('parses port specs like Docker', () => {
    expect(parsePortSpec('80')).toEqual([{ mode: 'ingress', target: 80, protocol: 'tcp' }]);
    expect(parsePortSpec('127.0.0.1:8080:80/UDP')).toEqual([
      { mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8080', protocol: 'udp' },
    ]);
    expect(parsePortSpec('[::1]::53')).toEqual([{ mode: 'ingress', host_ip: '::1', target: 53, protocol: 'tcp' }]);
    expect(parsePortSpec('3000-3001:4000-4001').map((entry) => [entry.published, entry.target])).toEqual([
      ['3000', 4000],
      ['3001', 4001],
    ]);
    expect(parsePortSpec('3000-3005:80')).toEqual([
      { mode: 'ingress', target: 80, published: '3000-3005', protocol: 'tcp' },
    ]);
    // Docker sorts by "port/proto" text, so 10 comes before 9.
    expect(parsePortSpec('9-10').map((entry) => entry.target)).toEqual([10, 9]);
    expect(() => parsePortSpec('abc:80')).toThrow('Invalid hostPort: abc');
    expect(() => parsePortSpec('1-3:1-2')).toThrow(
      'Invalid ranges specified for container and host Ports: 1-2 and 1-3',
    );
    expect(() => parsePortSpec('999.1.1.1:80:80')).toThrow('Invalid ip address: 999.1.1.1');
  });

  it('parses volume specs: binds for paths, named volumes otherwise, options', () => {
    expect(parseVolumeSpec('./data:/data:ro,z')).toEqual({
      type: 'bind',
      source: './data',
      target: '/data',
      read_only: true,
      bind: { selinux: 'z', create_host_path: true },
    });
    expect(parseVolumeSpec('named:/n:nocopy')).toEqual({
      type: 'volume',
      source: 'named',
      target: '/n',
      volume: { nocopy: true },
    });
    expect(parseVolumeSpec('/anon/')).toEqual({ type: 'volume', target: '/anon', volume: {} });
    expect(parseVolumeSpec('C:\\data:/data')).toMatchObject({ type: 'bind', source: 'C:\\data', target: '/data' });
    expect(() => parseVolumeSpec('ab::c')).toThrow('invalid spec: ab::c: empty section between colons');
  });

  it('canonicalises a service', () => {
    const warnings: string[] = [];
    const model = toCanonical(
      {
        services: {
          s: {
            depends_on: ['db'],
            env_file: '.env',
            devices: ['/dev/a', '/dev/b:/dev/c:r'],
            secrets: ['token'],
            networks: ['front'],
            extends: 'base',
            gpus: 'all',
            build: '.',
            dns: '8.8.8.8',
          },
        },
        volumes: { old: { external: { name: 'legacy' } } },
      },
      { maxPorts: 10_000, warn: (message) => warnings.push(message) },
    );
    setDefaultValues(model);
    expect(warnings).toEqual(['volumes.old: external.name is deprecated. Please set name and external: true']);
    expect(model).toEqual({
      services: {
        s: {
          depends_on: { db: { condition: 'service_started', required: true } },
          env_file: [{ path: '.env', required: true }],
          devices: [
            { source: '/dev/a', target: '/dev/a', permissions: 'rwm' },
            { source: '/dev/b', target: '/dev/c', permissions: 'r' },
          ],
          secrets: [{ source: 'token', target: '/run/secrets/token' }],
          networks: { front: null },
          extends: { service: 'base' },
          gpus: [{ count: 'all' }],
          build: { context: '.' },
          dns: ['8.8.8.8'],
        },
      },
      volumes: { old: { external: true, name: 'legacy' } },
    });
  });
});
