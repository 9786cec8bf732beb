import { homedir } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { BerthError } from '@shared/errors';
import { contextExists, DEFAULT_CONTEXT_NAME } from '../../services/docker/context-store';
import { dockerConfigDir } from '../../services/docker/docker-config';
import { parseDockerHost } from '../../services/docker/docker-host';
import type { ResolvedEndpoint } from '../../services/docker/engine-target';
import { resolveEndpoint, resolveSavedEngine } from '../../services/docker/resolve-endpoint';
import { ENGINE_NAME_PATTERN, SavedEnginesStore, type SavedEngine } from '../../services/docker/saved-engines';
import { acceptHostKey } from '../../services/docker/ssh/accept-host-key';
import { listKnownEngines } from '../../services/remote/known-engines';
import { testEngine, type EngineTestResult } from '../../services/remote/test-engine';
import type { CliCommand, CliContext } from '../command';
import { cliStateDir } from '../cli-state-dir';
import { formatEngineTable, formatTestResult } from './engines-format';

const USAGE = `Usage: berth engines ls [--json]
       berth engines add NAME ADDRESS [--ca FILE] [--cert FILE] [--key FILE] [--tls-skip-verify]
                         [--description TEXT] [--accept-host-key SHA256:…] [--no-test]
       berth engines rm NAME...
       berth engines use NAME
       berth engines test [NAME | ADDRESS] [--json]

The engines Berth can use: docker contexts, DOCKER_HOST, local sockets (Docker, Docker Desktop, Colima, Podman)
and engines added here, which the app sees too. A name works wherever the docker CLI takes a context:
\`berth --context NAME ps\`, DOCKER_CONTEXT=NAME.

ls     Lists them; * marks the one Berth uses now.
add    Saves ADDRESS (ssh://[user@]host[:port], tcp://host:port, unix:///path) under NAME, after one connection
       test that must pass. ssh reads ~/.ssh/config and verifies the host key against known_hosts: an unknown
       key is refused with its fingerprint; confirm it with the host's owner, then pass --accept-host-key with it.
rm     Forgets saved engines.
use    Makes NAME Berth's engine when neither DOCKER_HOST nor DOCKER_CONTEXT is set ("default" undoes it).
test   Connects once (to the engine in use, a name, or an address) and says exactly what fails, with the fix.

Options:
  --ca, --cert, --key FILE     TLS files of a tcp:// engine (a CA alone verifies the server)
  --tls-skip-verify            Encrypt without verifying the server's certificate
  --description TEXT           Shown by \`berth engines ls\`
  --accept-host-key SHA256:…   Trust the ssh host key with this fingerprint and record it in known_hosts
  --no-test                    Save without connecting
  --json                       Print JSON
`;

const OPTIONS = {
  json: { type: 'boolean' },
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'tls-skip-verify': { type: 'boolean' },
  description: { type: 'string' },
  'accept-host-key': { type: 'string' },
  'no-test': { type: 'boolean' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

class UsageError extends Error {}

export const enginesCommand: CliCommand = {
  name: 'engines',
  usage: USAGE,
  async run(args: string[], context: CliContext): Promise<number> {
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }) as typeof parsed;
    } catch (error) {
      return usage(context, (error as Error).message);
    }
    const [subcommand, ...operands] = parsed.positionals;
    try {
      switch (subcommand) {
        case 'ls':
          return list(context, operands, parsed.values);
        case 'add':
          return await add(context, operands, parsed.values);
        case 'rm':
          return await remove(context, operands);
        case 'use':
          return await use(context, operands);
        case 'test':
          return await test(context, operands, parsed.values);
        default:
          return usage(context, subcommand ? `unknown subcommand "${subcommand}"` : 'a subcommand is required');
      }
    } catch (error) {
      if (error instanceof UsageError) return usage(context, error.message);
      if (error instanceof BerthError) {
        context.stderr.write(`berth engines: ${error.message}\n${error.fix ? `Fix: ${error.fix}\n` : ''}`);
        return 1;
      }
      throw error;
    }
  },
};

function usage(context: CliContext, problem: string): number {
  context.stderr.write(`berth engines: ${problem}\n\n${USAGE}`);
  return 2;
}

function homeOf(context: CliContext): string {
  return context.env.HOME || homedir();
}

function expectOperands(operands: string[], min: number, max: number, what: string): void {
  if (operands.length < min || operands.length > max) throw new UsageError(`expected ${what}`);
}

function list(context: CliContext, operands: string[], values: Values): number {
  expectOperands(operands, 0, 0, 'no operand after "ls"');
  const engines = listKnownEngines({ env: context.env, homeDir: homeOf(context), stateDir: cliStateDir(context) });
  context.stdout.write(values.json ? `${JSON.stringify(engines, null, 2)}\n` : formatEngineTable(engines));
  return 0;
}

async function add(context: CliContext, operands: string[], values: Values): Promise<number> {
  expectOperands(operands, 2, 2, 'NAME and ADDRESS');
  const [name, host] = operands as [string, string];
  if (!ENGINE_NAME_PATTERN.test(name) || name === DEFAULT_CONTEXT_NAME) {
    throw new UsageError(`"${name}" is not a usable name: letters, digits, ".", "_", "-", not "default"`);
  }
  if (contextExists(dockerConfigDir(context.env, homeOf(context)), name)) {
    throw new BerthError(
      'E_INVALID_INPUT',
      `A docker context named "${name}" exists already; Berth uses it as it is.`,
      {
        fix: `Pick another name, or use the context: \`berth --context ${name} …\`.`,
      },
    );
  }
  const tcp = !host.includes('://') || host.startsWith('tcp://');
  const wantsTls = values.ca !== undefined || values.cert !== undefined || values['tls-skip-verify'] === true;
  if (wantsTls && !tcp) throw new UsageError('--ca, --cert, --key and --tls-skip-verify apply to tcp:// engines only');
  const engine: SavedEngine = {
    name,
    host,
    ...(wantsTls
      ? {
          tls: {
            verify: !values['tls-skip-verify'],
            ca: absolute(context, values.ca),
            cert: absolute(context, values.cert),
            key: absolute(context, values.key),
          },
        }
      : {}),
    ...(values.description ? { description: values.description } : {}),
    addedAt: Date.now(),
  };
  const stateDir = cliStateDir(context);
  const resolved = resolveSavedEngine(engine, { env: context.env, homeDir: homeOf(context), stateDir });
  if (!values['no-test']) {
    const result = await testWithAcceptedKey(context, resolved, values['accept-host-key']);
    (result.ok ? context.stdout : context.stderr).write(formatTestResult(result));
    if (!result.ok) {
      context.stderr.write(`berth engines: "${name}" was not saved.\n`);
      return 1;
    }
  }
  await new SavedEnginesStore(stateDir).save(engine);
  context.stdout.write(
    `Saved engine "${name}" (${resolved.endpoint.address}). Use it with \`berth --context ${name} …\` or \`berth engines use ${name}\`.\n`,
  );
  return 0;
}

/** A test that, on an unknown ssh host key whose fingerprint the user passed, records the key and tests again. */
async function testWithAcceptedKey(
  context: CliContext,
  resolved: ResolvedEndpoint,
  acceptFingerprint: string | undefined,
): Promise<EngineTestResult> {
  const first = await testEngine(resolved);
  if (first.ok || first.failure?.kind !== 'host-key-unknown' || acceptFingerprint === undefined) return first;
  const hostKey = first.failure.hostKey;
  if (hostKey.fingerprint !== acceptFingerprint) {
    return {
      ...first,
      reason: `${hostKey.host} presents the ${hostKey.keyType} key ${hostKey.fingerprint}, not ${acceptFingerprint}.`,
      fix: "Don't trust it until the host's owner confirms which fingerprint is right.",
    };
  }
  const target = resolved.target;
  if (target.transport !== 'ssh') return first;
  const file = await acceptHostKey({ host: target.host, port: target.port, user: target.username }, hostKey, {
    homeDir: target.homeDir ?? homeOf(context),
  });
  context.stdout.write(`Recorded the ${hostKey.keyType} key ${hostKey.fingerprint} of ${hostKey.host} in ${file}.\n`);
  return testEngine(resolved);
}

async function remove(context: CliContext, operands: string[]): Promise<number> {
  expectOperands(operands, 1, Number.POSITIVE_INFINITY, 'at least one NAME');
  const store = new SavedEnginesStore(cliStateDir(context));
  let failed = false;
  for (const name of operands) {
    if (await store.remove(name)) context.stdout.write(`${name}\n`);
    else {
      context.stderr.write(
        `berth engines: no engine named "${name}" was added to Berth (docker contexts are removed with \`docker context rm\`).\n`,
      );
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

async function use(context: CliContext, operands: string[]): Promise<number> {
  expectOperands(operands, 1, 1, 'one NAME');
  const name = operands[0]!;
  const stateDir = cliStateDir(context);
  if (name !== DEFAULT_CONTEXT_NAME) {
    // Resolving it proves the name exists (a docker context or a saved engine) and its files are readable.
    resolveEndpoint({
      env: { ...context.env, DOCKER_HOST: undefined, DOCKER_CONTEXT: name },
      homeDir: homeOf(context),
      stateDir,
    });
  }
  await new SavedEnginesStore(stateDir).use(name === DEFAULT_CONTEXT_NAME ? undefined : name);
  context.stdout.write(`${name}\n`);
  if (context.env.DOCKER_HOST || context.env.DOCKER_CONTEXT) {
    context.stderr.write(
      `Note: ${context.env.DOCKER_HOST ? 'DOCKER_HOST' : 'DOCKER_CONTEXT'} is set and wins over \`berth engines use\` in this shell.\n`,
    );
  }
  return 0;
}

async function test(context: CliContext, operands: string[], values: Values): Promise<number> {
  expectOperands(operands, 0, 1, 'at most one NAME or ADDRESS');
  const home = homeOf(context);
  const stateDir = cliStateDir(context);
  const [operand] = operands;
  let env = context.env;
  if (operand !== undefined && operand.includes('://')) {
    parseDockerHost(operand, null, {
      label: 'ADDRESS',
      fix: 'Give an address such as ssh://user@host or tcp://host:2376.',
    });
    env = { ...env, DOCKER_HOST: operand, DOCKER_CONTEXT: undefined };
  } else if (operand !== undefined) {
    env = { ...env, DOCKER_HOST: undefined, DOCKER_CONTEXT: operand };
  }
  const resolved = resolveEndpoint({ env, homeDir: home, stateDir });
  const result = await testEngine(resolved);
  if (values.json) context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else (result.ok ? context.stdout : context.stderr).write(formatTestResult(result));
  return result.ok ? 0 : 1;
}

function absolute(context: CliContext, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolvePath(context.cwd, path);
}
