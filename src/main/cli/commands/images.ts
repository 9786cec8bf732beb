/** `berth images`: the engine's images with sizes and who uses them; `berth images history IMAGE`: its layers. */
import { imageHistory, listImages } from '../../services/disk/images';
import { flag, UsageError } from './compose-command';
import { formatHistory, formatImageTable } from './disk-format';
import { dockerCommand } from './docker-command';

const USAGE = `Usage: berth images [OPTIONS]
       berth images history [--json] [--no-trunc] IMAGE

List images with their size, age, the containers created from them and the compose projects that use them;
dangling images (untagged, unused by other images) show as <none>. \`history\` lists an image's layers, newest first,
with the instruction that made each and its size, then the biggest layers: why an image is as big as it is.

Options:
  -a, --all        Show the intermediate images of classic builds too
      --dangling   Only dangling images (what berth prune images removes)
      --json       Print JSON (sizes in bytes)
      --no-trunc   history: print whole instructions
`;

export const imagesCommand = dockerCommand({
  name: 'images',
  usage: USAGE,
  options: {
    booleans: {
      '-a': 'all',
      '--all': 'all',
      '--dangling': 'dangling',
      '--json': 'json',
      '--no-trunc': 'noTrunc',
    },
  },
  validate(options) {
    const [sub, ...rest] = options.positionals;
    if (sub === undefined) return;
    if (sub !== 'history') throw new UsageError(`unknown argument: ${sub}`);
    if (rest.length !== 1) throw new UsageError('history needs exactly one IMAGE');
  },
  async execute(docker, options, context) {
    const json = flag(options, 'json');
    if (options.positionals[0] === 'history') {
      const layers = await imageHistory(docker, options.positionals[1]!);
      context.stdout.write(
        json ? `${JSON.stringify(layers, null, 2)}\n` : formatHistory(layers, flag(options, 'noTrunc')),
      );
      return 0;
    }
    const images = (await listImages(docker, { all: flag(options, 'all') })).filter(
      (image) => !flag(options, 'dangling') || image.dangling,
    );
    context.stdout.write(json ? `${JSON.stringify(images, null, 2)}\n` : formatImageTable(images));
    return 0;
  },
});
