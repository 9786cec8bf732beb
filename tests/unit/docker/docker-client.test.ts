import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDockerClient } from '../../../src/main/services/docker/docker-client';

interface ModemFields {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: string;
  ca?: Buffer;
  agent?: { options: { rejectUnauthorized?: boolean } };
  username?: string;
}
const modemOf = (docker: unknown) => (docker as { modem: ModemFields }).modem;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createDockerClient', () => {
  it("dials the socket it is given even when this process's DOCKER_HOST says otherwise", () => {
    vi.stubEnv('DOCKER_HOST', 'tcp://elsewhere:2375');
    const modem = modemOf(createDockerClient({ transport: 'unix', socketPath: '/tmp/e.sock' }));
    expect(modem.socketPath).toBe('/tmp/e.sock');
    expect(modem.host).toBeUndefined();
  });

  it('uses http or https for tcp, and turns verification off only when asked', () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///var/run/docker.sock');
    const plain = modemOf(createDockerClient({ transport: 'tcp', host: 'h', port: 2375, tls: null }));
    expect(plain).toMatchObject({ host: 'h', port: 2375, protocol: 'http' });
    expect(plain.socketPath).toBeUndefined();

    const ca = Buffer.from('ca');
    const verified = modemOf(
      createDockerClient({ transport: 'tcp', host: 'h', port: 2376, tls: { verify: true, ca } }),
    );
    expect(verified).toMatchObject({ protocol: 'https', ca });
    expect(verified.agent).toBeUndefined();

    const unverified = modemOf(createDockerClient({ transport: 'tcp', host: 'h', port: 2376, tls: { verify: false } }));
    expect(unverified.agent?.options.rejectUnauthorized).toBe(false);
  });

  it('uses ssh with the user and port', () => {
    const modem = modemOf(
      createDockerClient({ transport: 'ssh', host: 'box', port: 2222, username: 'ada', agent: '/a.sock' }),
    );
    expect(modem).toMatchObject({ protocol: 'ssh', host: 'box', port: 2222, username: 'ada' });
  });
});
