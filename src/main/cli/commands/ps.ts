/** `berth ps`: the project's containers, found by Compose's labels (so projects started by docker compose too). */
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import type { ServiceContainerRow } from '../../services/compose/engine/observe/listings';
import { composeCommand, flag } from './compose-command';
import { formatTable } from './compose-table';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} ps [OPTIONS] [SERVICE...]

List the project's containers, running or not.

Options:
      --json   Print the containers as JSON
`;

export const psCommand = composeCommand({
  name: 'ps',
  usage: USAGE,
  options: { booleans: { '--json': 'json' } },
  async execute(session, options) {
    const name = session.flags.projectName ?? (await session.loadProject()).name;
    const services = options.positionals;
    const rows = (await session.engine.ps(name)).filter(
      (row) => services.length === 0 || services.includes(row.service),
    );
    if (flag(options, 'json')) session.context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else session.context.stdout.write(formatTable(['NAME', 'SERVICE', 'IMAGE', 'STATUS', 'PORTS'], rows.map(columns)));
    return 0;
  },
});

function columns(row: ServiceContainerRow): string[] {
  return [row.name, row.service, row.image, row.status, row.ports.join(', ')];
}
