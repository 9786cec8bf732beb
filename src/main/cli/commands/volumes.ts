import { homedir } from 'node:os';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { VolumeNameSchema } from '@shared/schemas/volumes';
import { createDockerClient } from '../../services/docker/docker-client';
import { resolveEndpoint } from '../../services/docker/resolve-endpoint';
import { pingEngine } from '../../services/docker/connect-engine';
import { listVolumes } from '../../services/volumes/list-volumes';
import { VolumeBrowser } from '../../services/volumes/volume-browser';
import type { CliCommand, CliContext } from '../command';
import { formatEntries, formatVolumeList } from './volumes-format';

const USAGE = `Usage: berth volumes ls [--json]
       berth volumes ls-files VOLUME [PATH] [--json]

ls        Lists volumes with their compose project, driver and the containers that use them
          (dangling ones say so), then the bind mounts of those containers.
ls-files  Lists a directory inside a volume (PATH is relative to its root; default: the root),
          through a short-lived read-only helper container. The user's containers are never touched.
          The helper runs BERTH_HELPER_IMAGE if set, else busybox:latest or another local image with a shell.

Options:
  --json   Print JSON instead of a table
`;

/** How the command reaches the engine; tests may hand in their own. */
export interface VolumesCommandDeps {
  connect(context: CliContext): Promise<Docker>;
}

async function connect(context: CliContext): Promise<Docker> {
  const resolved = resolveEndpoint({ env: context.env, homeDir: context.env.HOME || homedir() });
  const docker = createDockerClient(resolved.target);
  try {
    await pingEngine(docker);
  } catch (error) {
    throw new BerthError(
      'E_ENGINE_UNREACHABLE',
      `cannot reach the Docker engine at ${resolved.endpoint.address}: ${(error as Error).message}`,
      {
        fix: 'Start Docker, or run "berth engine" to see which engine Berth looks for and why.',
      },
    );
  }
  return docker;
}

export function createVolumesCommand(deps: VolumesCommandDeps = { connect }): CliCommand {
  return {
    name: 'volumes',
    usage: USAGE,
    async run(args: string[], context: CliContext): Promise<number> {
      const json = args.includes('--json');
      const [subcommand, ...rest] = args.filter((arg) => arg !== '--json');
      const unknown = rest.find((arg) => arg.startsWith('-'));
      const operands = rest.length;
      const valid =
        !unknown &&
        ((subcommand === 'ls' && operands === 0) || (subcommand === 'ls-files' && operands >= 1 && operands <= 2));
      if (!valid) {
        context.stderr.write(
          `berth volumes: ${unknown ? `unknown option ${unknown}` : 'expected ls or ls-files VOLUME [PATH]'}\n\n${USAGE}`,
        );
        return 2;
      }
      if (subcommand === 'ls-files' && !VolumeNameSchema.safeParse(rest[0]).success) {
        context.stderr.write(`berth volumes: "${rest[0]}" is not a volume name (letters, digits, "_", "." and "-").\n`);
        return 2;
      }
      try {
        const docker = await deps.connect(context);
        if (subcommand === 'ls') {
          const list = await listVolumes(docker);
          context.stdout.write(json ? `${JSON.stringify(list, null, 2)}\n` : formatVolumeList(list));
          return 0;
        }
        const browser = new VolumeBrowser({
          docker: () => docker,
          helperImage: context.env.BERTH_HELPER_IMAGE || undefined,
        });
        try {
          const entries = await browser.listAll({ kind: 'volume', volume: rest[0]! }, rest[1] ?? '');
          context.stdout.write(json ? `${JSON.stringify(entries, null, 2)}\n` : formatEntries(entries));
        } finally {
          await browser.dispose();
        }
        return 0;
      } catch (error) {
        const fix = error instanceof BerthError && error.fix ? `\nFix: ${error.fix}` : '';
        context.stderr.write(`berth volumes: ${(error as Error).message}${fix}\n`);
        return 1;
      }
    },
  };
}

export const volumesCommand: CliCommand = createVolumesCommand();
