import { homedir } from 'node:os';
import type { EngineState } from '@shared/schemas/engine';
import { probeEngine } from '../../services/docker/probe-engine';
import type { CliCommand, CliContext } from '../command';

const USAGE = `Usage: berth engine [--json]

Shows the Docker engine Berth talks to: its endpoint (DOCKER_HOST, DOCKER_CONTEXT, the current docker context,
or a local Docker, Docker Desktop, Colima or Podman socket), name, versions, OS and runtimes.
Exits 1, with the reason and how to fix it, when the engine can't be reached.

Options:
  --json   Print the engine state as JSON
`;

export const engineCommand: CliCommand = {
  name: 'engine',
  usage: USAGE,
  async run(args: string[], context: CliContext): Promise<number> {
    const unknown = args.filter((arg) => arg !== '--json');
    if (unknown.length > 0) {
      context.stderr.write(`berth engine: unknown option ${unknown[0]}\n\n${USAGE}`);
      return 2;
    }
    const json = args.includes('--json');
    const state = await probeEngine({ env: context.env, homeDir: context.env.HOME || homedir() });

    if (json) context.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
    if (state.status !== 'connected') {
      context.stderr.write(describeUnreachable(state));
      return 1;
    }
    if (!json) context.stdout.write(describeConnected(state));
    return 0;
  },
};

function describeConnected(state: EngineState): string {
  const info = state.info!;
  const rows: Array<[string, string]> = [
    ['Endpoint', describeEndpoint(state)],
    ['Engine', `${info.name || '(unnamed)'} (${info.flavor})`],
    ['Server version', info.serverVersion],
    ['API version', info.apiVersion],
    ['OS', `${info.os} (${info.osType}/${info.architecture}, kernel ${info.kernelVersion})`],
    ['Runtimes', `${info.runtimes.join(', ')} (default: ${info.defaultRuntime})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}  ${value}\n`).join('');
}

function describeUnreachable(state: EngineState): string {
  const where = state.endpoint ? ` at ${describeEndpoint(state)}` : '';
  return [
    `berth engine: cannot reach the Docker engine${where}.`,
    `Reason: ${state.reason ?? 'unknown'}`,
    ...(state.fix ? [`Fix: ${state.fix}`] : []),
    '',
  ].join('\n');
}

function describeEndpoint(state: EngineState): string {
  const endpoint = state.endpoint!;
  const origin = endpoint.context ? `context "${endpoint.context}"` : endpoint.source;
  return `${endpoint.address} (${origin}${endpoint.tls ? ', TLS' : ''})`;
}
