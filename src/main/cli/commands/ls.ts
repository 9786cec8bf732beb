/** `berth ls`: every Compose project on the engine (Berth's and the Compose CLI's), found by labels. */
import { composeCommand, flag } from './compose-command';
import { formatTable } from './compose-table';

const USAGE = `Usage: berth ls [OPTIONS]

List the Compose projects on the engine, whoever started them.

Options:
      --json   Print the projects as JSON
`;

export const lsCommand = composeCommand({
  name: 'ls',
  usage: USAGE,
  options: { booleans: { '--json': 'json' } },
  async execute(session, options) {
    const projects = await session.engine.ls();
    if (flag(options, 'json')) session.context.stdout.write(`${JSON.stringify(projects, null, 2)}\n`);
    else
      session.context.stdout.write(
        formatTable(
          ['NAME', 'STATUS', 'CONFIG FILES'],
          projects.map((p) => [p.name, p.status, p.configFiles]),
        ),
      );
    return 0;
  },
});
