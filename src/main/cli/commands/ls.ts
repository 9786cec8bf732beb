/**
 * `berth ls`: every Compose project on the engine (Berth's and the Compose CLI's, found by labels), then the projects
 * saved in Berth (the app's Projects page) that have nothing on the engine yet.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ProjectRow } from '../../services/compose/engine/observe/listings';
import { ProjectsStore } from '../../services/projects/projects-store';
import { cliStateDir } from '../cli-state-dir';
import type { CliContext } from '../command';
import { loadCliProject } from '../load-cli-project';
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
    const onEngine = await session.engine.ls();
    const projects = [...onEngine, ...(await savedWithoutContainers(session.context, onEngine))];
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

async function savedWithoutContainers(context: CliContext, onEngine: ProjectRow[]): Promise<ProjectRow[]> {
  const present = new Set(onEngine.map((row) => row.workingDir));
  const saved = (await new ProjectsStore(cliStateDir(context)).list()).filter((entry) => !present.has(entry.directory));
  const rows = await Promise.all(
    saved.map(async (entry): Promise<ProjectRow | null> => {
      // Warnings about these projects' files belong to `berth config`, not to a listing.
      const here: CliContext = {
        ...context,
        cwd: entry.directory,
        stderr: new Writable({ write: (_c, _e, done) => done() }),
      };
      try {
        const project = await loadCliProject(here, { files: entry.files });
        if (present.has(project.workingDir)) return null;
        return { ...notCreated(project.workingDir), name: project.name, configFiles: project.configFiles.join(',') };
      } catch {
        return {
          ...notCreated(entry.directory),
          name: path.basename(entry.directory),
          status: 'invalid compose files',
        };
      }
    }),
  );
  return rows.filter((row): row is ProjectRow => row !== null);
}

function notCreated(workingDir: string): ProjectRow {
  return { name: '', status: 'not created', configFiles: '', workingDir, containers: 0 };
}
