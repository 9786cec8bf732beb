import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const nodeRequire = createRequire(import.meta.url);
const grpcLoaded = () => Object.keys(nodeRequire.cache).some((path) => path.includes('/@grpc/grpc-js/'));

describe('the CLI start-up', () => {
  it('loads dockerode without its BuildKit gRPC helper, which loads when a session is first asked for', async () => {
    await import('../../../src/main/cli/defer-dockerode-session');
    nodeRequire('dockerode');
    expect(grpcLoaded()).toBe(false);

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
    expect(grpcLoaded()).toBe(true);
  });
});
