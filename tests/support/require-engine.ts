import { homedir } from 'node:os';
import type Docker from 'dockerode';
import { createDockerClient } from '../../src/main/services/docker/docker-client';
import { resolveEndpoint } from '../../src/main/services/docker/resolve-endpoint';

export interface TestEngine {
  available: boolean;
  docker: Docker;
  /** Why the engine could not be reached, when it could not. */
  reason?: string;
}

/** The image every integration test runs: busybox from Debian's busybox-static (see tests/support/provision). */
export const TEST_IMAGE = 'berth-test-busybox:latest';

/**
 * Probes the engine the tests talk to, found the way Berth finds it (DOCKER_HOST, docker contexts, the default
 * socket). With BERTH_REQUIRE_DOCKER=1 (CI) a missing engine throws, so the suite fails instead of skipping;
 * otherwise it prints one line and the caller skips with `describe.skipIf(!engine.available)`.
 */
export async function requireEngine(): Promise<TestEngine> {
  let docker = createDockerClient({ transport: 'unix', socketPath: '/var/run/docker.sock' });
  try {
    docker = createDockerClient(resolveEndpoint({ env: process.env, homeDir: homedir() }).target);
    await docker.ping();
    return { available: true, docker };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.BERTH_REQUIRE_DOCKER === '1') {
      throw new Error(`BERTH_REQUIRE_DOCKER=1 but no Docker engine answers: ${reason}`);
    }
    console.warn(
      `[integration] skipped: no Docker engine answers (${reason}); set BERTH_REQUIRE_DOCKER=1 to fail instead.`,
    );
    return { available: false, docker, reason };
  }
}
