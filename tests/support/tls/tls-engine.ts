import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { closeDockerClient, createDockerClient } from '../../../src/main/services/docker/docker-client';
import { startPrivateDockerd, type PrivateDockerd } from '../private-dockerd';
import { TEST_IMAGE } from '../require-engine';
import { freePort } from '../ssh/private-sshd';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

export interface TlsEngine {
  dockerd: PrivateDockerd;
  port: number;
  certs: TestCertificates;
  /** What a user sets for this engine: DOCKER_HOST, DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH (CA + client cert). */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * A private dockerd listening with `--tlsverify` on a 127.0.0.1 port (certificates made by openssl for the test),
 * holding the test image. Its unix socket stays available to the test for setup and checks.
 */
export async function startTlsEngine(): Promise<TlsEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-tls-'));
  const certs = makeTestCertificates(dir);
  const port = await freePort();
  const dockerd = await startPrivateDockerd({
    name: 'tls',
    extraArgs: [
      `--host=tcp://127.0.0.1:${port}`,
      '--tlsverify',
      `--tlscacert=${certs.caCert}`,
      `--tlscert=${certs.serverCert}`,
      `--tlskey=${certs.serverKey}`,
    ],
  });
  await loadImage(dockerd.socketPath, TEST_IMAGE);
  return {
    dockerd,
    port,
    certs,
    env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs.clientDir },
    async dispose() {
      await dockerd.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies `image` from the machine's engine into the engine at `socketPath` (`docker save` + load). */
export async function loadImage(socketPath: string, image: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-image-'));
  const archive = join(dir, 'image.tar');
  try {
    execFileSync('docker', ['save', '-o', archive, image]);
    const docker = createDockerClient({ transport: 'unix', socketPath });
    const stream = await docker.loadImage(createReadStream(archive));
    await new Promise((resolve, reject) =>
      docker.modem.followProgress(stream, (error) => (error ? reject(error) : resolve(null))),
    );
    closeDockerClient(docker);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TlsFrontend {
  port: number;
  close(): Promise<void>;
}

/**
 * A TLS terminator on 127.0.0.1 in front of an engine's unix socket, presenting `cert`/`key` and asking no client
 * certificate — an engine behind a TLS proxy, to test a CA-only cert folder and a certificate dated in the future.
 */
export async function startTlsFrontend(target: string, cert: string, key: string): Promise<TlsFrontend> {
  const server = createTlsServer({ cert: readFileSync(cert), key: readFileSync(key) }, (socket) => {
    const upstream = netConnect(target);
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', close);
    upstream.on('error', close);
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
