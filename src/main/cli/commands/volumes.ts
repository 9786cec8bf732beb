import { VolumeNameSchema } from '@shared/schemas/volumes';
import { listVolumes } from '../../services/volumes/list-volumes';
import { VolumeBrowser } from '../../services/volumes/volume-browser';
import { cliEngine } from '../cli-engine';
import { describeCliError, formatCliError } from '../cli-errors';
import type { CliCommand, CliContext } from '../command';
import { formatEntries, formatVolumeList } from './volumes-format';
import { exactBytes, terminalSafe, terminalSafeJson } from './volumes-terminal-text';

const USAGE = `Usage: berth volumes ls [--json]
       berth volumes ls-files VOLUME [PATH] [--json]

ls        Lists volumes with their compose project, driver and the containers that use them
          (dangling ones say so), then the bind mounts of those containers.
ls-files  Lists a directory inside a volume (PATH is relative to its root; default: the root),
          through a short-lived read-only helper container. The user's containers are never touched.
          The helper runs BERTH_HELPER_IMAGE if set, else busybox:latest or another local image with a shell.

On a terminal, control characters and bytes that are not UTF-8 in names are shown escaped (\\n, \\x1b, \\xff);
piped, names are written as their exact bytes. In JSON, such bytes are \\udc80-\\udcff escapes.

Options:
  --json   Print JSON instead of a table

Exit codes: 0 done, 1 the engine or the volume failed, 2 bad usage.
`;

/** How long removing the helper may take once the listing is printed, so the command always exits. */
const CLEANUP_BOUND_MS = 15_000;

export const volumesCommand: CliCommand = {
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
        `berth volumes: ${unknown ? `unknown option ${terminalSafe(unknown)}` : 'expected ls or ls-files VOLUME [PATH]'}\n\n${USAGE}`,
      );
      return 2;
    }
    if (subcommand === 'ls-files' && !VolumeNameSchema.safeParse(rest[0]).success) {
      context.stderr.write(
        `berth volumes: "${terminalSafe(rest[0]!)}" is not a volume name (letters, digits, "_", "." and "-").\n`,
      );
      return 2;
    }
    const engine = cliEngine(context);
    const print = (value: unknown, text: (show: (field: string) => string) => string) => {
      if (json) {
        const encoded = `${JSON.stringify(value, null, 2)}\n`;
        context.stdout.write(context.isTty ? terminalSafeJson(encoded) : encoded);
      } else {
        context.stdout.write(context.isTty ? text(terminalSafe) : exactBytes(text((field) => field)));
      }
    };
    try {
      if (subcommand === 'ls') {
        const list = await listVolumes(engine.docker);
        print(list, (show) => formatVolumeList(list, show));
        return 0;
      }
      const browser = new VolumeBrowser({
        docker: () => engine.docker,
        helperImage: context.env.BERTH_HELPER_IMAGE || undefined,
      });
      try {
        const entries = await browser.listAll({ kind: 'volume', volume: rest[0]! }, rest[1] ?? '');
        print(entries, (show) => formatEntries(entries, show));
      } finally {
        await Promise.race([
          browser.dispose(),
          new Promise((resolve) => setTimeout(resolve, CLEANUP_BOUND_MS).unref()),
        ]);
      }
      return 0;
    } catch (error) {
      const payload = describeCliError(error, engine.endpoint);
      context.stderr.write(formatCliError({ ...payload, message: terminalSafe(payload.message) }, 'berth volumes: '));
      return 1;
    }
  },
};
