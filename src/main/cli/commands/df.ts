/** `berth df`: the engine's disk use, as `docker system df`, plus each compose project's share. */
import { readDiskUsage } from '../../services/disk/system-df';
import { flag, UsageError } from './compose-command';
import { formatDiskDetails, formatDiskSummary } from './disk-format';
import { dockerCommand } from './docker-command';

const USAGE = `Usage: berth df [OPTIONS]

Show the Docker engine's disk use: images, containers' writable layers, volumes and build cache, with what
removing the unused would free (the same numbers as docker system df), then what each compose project takes.
Free space with berth prune.

Options:
  -v, --verbose   Show every image (shared and unique size, the projects that use it), container, volume and
                  build cache record
      --json      Print everything as JSON (sizes in bytes)
`;

export const dfCommand = dockerCommand({
  name: 'df',
  usage: USAGE,
  options: { booleans: { '-v': 'verbose', '--verbose': 'verbose', '--json': 'json' } },
  validate(options) {
    if (options.positionals.length > 0) throw new UsageError('df takes no arguments');
  },
  async execute(docker, options, context) {
    const usage = await readDiskUsage(docker);
    if (flag(options, 'json')) context.stdout.write(`${JSON.stringify(usage, null, 2)}\n`);
    else if (flag(options, 'verbose')) context.stdout.write(formatDiskDetails(usage));
    else context.stdout.write(formatDiskSummary(usage));
    return 0;
  },
});
