/**
 * `berth ls`: every Compose project on the engine (Berth's and the Compose CLI's, found by labels), then the projects
 * saved in Berth (the app's Projects page) that have nothing on the engine yet.
 */
import { listProjects, type ProjectRow } from '../../services/compose/engine/observe/listings';
import type { ProjectCatalog } from '../../services/projects/project-catalog';
import { composeCommand, flag } from './compose-command';
import { formatTable } from './compose-table';

const USAGE = `Usage: berth ls [OPTIONS]

List the Compose projects on the engine, whoever started them, and the projects saved in Berth that have no
containers yet (STATUS "not created").

Options:
      --json   Print the projects as JSON
`;

export const lsCommand = composeCommand({
  name: 'ls',
  usage: USAGE,
  options: { booleans: { '--json': 'json' } },
  async execute(session, options) {
    const onEngine = await listProjects(session.docker);
    const projects = [...onEngine, ...(await savedWithoutContainers(await session.catalog(), onEngine))];
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

/** Saved projects (the app's Projects page) that have nothing on the engine yet. */
async function savedWithoutContainers(catalog: ProjectCatalog, onEngine: ProjectRow[]): Promise<ProjectRow[]> {
  const present = new Set(onEngine.map((row) => row.workingDir));
  return (await catalog.list())
    .filter((project) => project.saved && project.directory !== null && !present.has(project.directory))
    .map((project) => ({
      name: project.name,
      status: project.problem ? 'invalid compose files' : 'not created',
      configFiles: project.configFiles.join(','),
      workingDir: project.directory!,
      containers: 0,
    }));
}
