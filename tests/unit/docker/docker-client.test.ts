import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngineClient } from '../../../src/main/services/docker/docker-client';
import type { EngineTarget } from '../../../src/main/services/docker/engine-target';

let dir: string;
const servers: Server[] = [];

/** An HTTP server on a unix socket or a loopback port, answering every request with `answer`. */
async function serve(
  where: { socket: string } | { port: 0 },
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ hits: string[]; port: number }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    answer(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) =>
    'socket' in where ? server.listen(where.socket, resolve) : server.listen(0, '127.0.0.1', resolve),
  );
  const address = server.address();
  return { hits, port: typeof address === 'object' && address ? address.port : 0 };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'berth-client-'));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('createEngineClient', () => {
  it("dials the target it is given, whatever this process's DOCKER_HOST and DOCKER_CERT_PATH say", async () => {
    const engine = await serve({ socket: join(dir, 'engine.sock') }, (_request, response) => response.end('OK'));
    // A cert folder with only ca.pem: docker-modem alone would read cert.pem there and fail with ENOENT.
    const certs = join(dir, 'ca-only');
    mkdirSync(certs);
    writeFileSync(join(certs, 'ca.pem'), 'not read');
    vi.stubEnv('DOCKER_HOST', 'tcp://elsewhere:2376');
    vi.stubEnv('DOCKER_TLS_VERIFY', '1');
    vi.stubEnv('DOCKER_CERT_PATH', certs);
    const client = createEngineClient({ transport: 'unix', socketPath: join(dir, 'engine.sock') });
    await expect(client.docker.ping()).resolves.toBeDefined();
    expect(engine.hits).toEqual(['GET /_ping']);
    expect(process.env.DOCKER_HOST).toBe('tcp://elsewhere:2376');
    client.close();
  });

  it('keeps connections alive between requests', async () => {
    const sockets = new Set<unknown>();
    const engine = await serve({ port: 0 }, (request, response) => {
      sockets.add(request.socket);
      response.end('OK');
    });
    const client = createEngineClient({ transport: 'tcp', host: '127.0.0.1', port: engine.port, tls: null });
    for (let index = 0; index < 5; index++) await client.docker.ping();
    expect(sockets.size).toBe(1);
    client.close();
  });

  const redirectingTargets: Array<[string, () => Promise<{ target: EngineTarget; redirector: { hits: string[] } }>]> = [
    [
      'unix',
      async () => {
        const socket = join(dir, `redirect-${Date.now()}.sock`);
        const redirector = await serve({ socket }, (_request, response) => redirect(response));
        return { target: { transport: 'unix', socketPath: socket }, redirector };
      },
    ],
    [
      'tcp',
      async () => {
        const redirector = await serve({ port: 0 }, (_request, response) => redirect(response));
        return { target: { transport: 'tcp', host: '127.0.0.1', port: redirector.port, tls: null }, redirector };
      },
    ],
  ];
  let victim: { hits: string[]; port: number };
  const redirect = (response: ServerResponse) => {
    response.writeHead(301, { Location: `http://127.0.0.1:${victim.port}/stolen?x=1` });
    response.end();
  };

  it.each(redirectingTargets)('never follows an engine redirect (%s)', async (_name, start) => {
    victim = await serve({ port: 0 }, (_request, response) => response.end('{}'));
    const { target, redirector } = await start();
    const client = createEngineClient(target);
    await expect(client.docker.getContainer('../x').inspect()).rejects.toMatchObject({ statusCode: 301 });
    // Give a follow-up request every chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(redirector.hits).toHaveLength(1);
    expect(victim.hits).toEqual([]);
    client.close();
  });
});
