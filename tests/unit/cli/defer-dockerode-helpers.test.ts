import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const nodeRequire = createRequire(import.meta.url);
const loaded = (fragment: string) => Object.keys(nodeRequire.cache).some((path) => path.includes(fragment));

describe('the CLI start-up', () => {
  it('loads dockerode without its BuildKit gRPC helper or docker-modem’s ssh2 transport; each loads on first use', async () => {
    await import('../../../src/main/cli/defer-dockerode-helpers');
    nodeRequire('dockerode');
    expect(loaded('/@grpc/grpc-js/')).toBe(false);
    expect(loaded('/ssh2/lib/')).toBe(false);

    const withSession = nodeRequire('dockerode/lib/session') as (
      docker: unknown,
      auth: unknown,
      handler: (error: unknown) => void,
    ) => void;
    const refused = new Error('no engine here');
    const handled = new Promise<unknown>((resolve) =>
      withSession(
        { modem: { dial: (_options: unknown, callback: (e: unknown) => void) => callback(refused) } },
        null,
        resolve,
      ),
    );
    expect(await handled).toBe(refused);
    expect(loaded('/@grpc/grpc-js/')).toBe(true);

    const sshAgent = nodeRequire('docker-modem/lib/ssh') as (options: object) => { createConnection: unknown };
    expect(typeof sshAgent({ host: '127.0.0.1' }).createConnection).toBe('function');
    expect(loaded('/ssh2/lib/')).toBe(true);
  });
});
