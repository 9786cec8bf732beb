/** The engine a `berth` command talks to (its failures read as `cli-errors.ts` says). */
import { homedir } from 'node:os';
import type Docker from 'dockerode';
import type { Endpoint } from '@shared/schemas/engine';
import { createDockerClient } from '../services/docker/docker-client';
import { resolveEndpoint } from '../services/docker/resolve-endpoint';
import type { CliContext } from './command';

export interface CliEngine {
  docker: Docker;
  endpoint: Endpoint;
}

/** The engine the docker CLI would use here: DOCKER_HOST, DOCKER_CONTEXT, the current context, the usual sockets. */
export function cliEngine(context: CliContext): CliEngine {
  const resolved = resolveEndpoint({ env: context.env, homeDir: homeOf(context) });
  return { docker: createDockerClient(resolved.target), endpoint: resolved.endpoint };
}

export function homeOf(context: CliContext): string {
  return context.env.HOME || homedir();
}
