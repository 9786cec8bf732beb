/** berth start, stop, restart, ps and ls against the real engine, through the CLI commands. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downCommand } from '../../../src/main/cli/commands/down';
import { lsCommand } from '../../../src/main/cli/commands/ls';
import { psCommand } from '../../../src/main/cli/commands/ps';
import { restartCommand } from '../../../src/main/cli/commands/restart';
import { rmCommand } from '../../../src/main/cli/commands/rm';
import { startCommand } from '../../../src/main/cli/commands/start';
import { stopCommand } from '../../../src/main/cli/commands/stop';
import { upCommand } from '../../../src/main/cli/commands/up';
import { requireEngine } from '../../support/require-engine';
import { berth, leftovers, testProject, type TestProject } from './support';

const engine = await requireEngine();

const STACK = `
name: \${NAME}
services:
  db:
    image: berth-test-busybox:latest
    init: true
    command: sleep 3600
  web:
    image: berth-test-busybox:latest
    init: true
    command: sleep 3600
    depends_on: [db]
`;

interface PsRow {
  service: string;
  state: string;
  id: string;
}

describe.skipIf(!engine.available)('compose engine: start, stop, restart, ps, ls', () => {
  const docker = engine.docker;
  let project: TestProject;
  const ps = async (): Promise<Record<string, string>> => {
    const { stdout } = await berth(psCommand, project.dir, '--json');
    return Object.fromEntries((JSON.parse(stdout) as PsRow[]).map((row) => [row.service, row.state]));
  };

  beforeAll(async () => {
    project = testProject(docker, 'lifecycle', { 'compose.yaml': STACK });
    const up = await berth(upCommand, project.dir, '--wait');
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`Container ${project.name}-web-1  Started`);
  });

  afterAll(async () => {
    await project.cleanup();
  });

  it('ps lists the containers; ls lists the project with its status and files', async () => {
    expect(await ps()).toEqual({ db: 'running', web: 'running' });
    const table = await berth(psCommand, project.dir);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+SERVICE\s+IMAGE\s+STATUS/);
    const { stdout } = await berth(lsCommand, project.dir, '--json');
    expect(JSON.parse(stdout)).toEqual(
      expect.arrayContaining([
        {
          name: project.name,
          status: 'running(2)',
          configFiles: `${project.dir}/compose.yaml`,
          workingDir: project.dir,
          containers: 2,
        },
      ]),
    );
  });

  it('stop SERVICE stops it; stop stops all; start starts them again in order', async () => {
    expect((await berth(stopCommand, project.dir, 'web')).code).toBe(0);
    expect(await ps()).toEqual({ db: 'running', web: 'exited' });
    expect((await berth(stopCommand, project.dir, '-t', '1')).code).toBe(0);
    expect(await ps()).toEqual({ db: 'exited', web: 'exited' });
    const start = await berth(startCommand, project.dir);
    expect(start.code).toBe(0);
    expect(start.stdout.indexOf(`${project.name}-db-1  Starting`)).toBeLessThan(
      start.stdout.indexOf(`${project.name}-web-1  Starting`),
    );
    expect(await ps()).toEqual({ db: 'running', web: 'running' });
  });

  it('restart restarts the containers (new start time, same container)', async () => {
    const before = await docker.getContainer(`${project.name}-web-1`).inspect();
    expect((await berth(restartCommand, project.dir, 'web')).code).toBe(0);
    const after = await docker.getContainer(`${project.name}-web-1`).inspect();
    expect(after.Id).toBe(before.Id);
    expect(after.State.StartedAt).not.toBe(before.State.StartedAt);
  });

  it('unknown services and flags are reported, not thrown', async () => {
    const unknown = await berth(stopCommand, project.dir, 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no such service: nope');
    expect((await berth(stopCommand, project.dir, '--bogus')).code).toBe(2);
  });

  it('rm removes stopped containers only, or stops them first with -s', async () => {
    await berth(stopCommand, project.dir, 'web');
    expect((await berth(rmCommand, project.dir)).code).toBe(0);
    expect(await ps()).toEqual({ db: 'running' });
    expect((await berth(rmCommand, project.dir, '-s', 'db')).code).toBe(0);
    expect(await ps()).toEqual({});
  });

  it('down removes everything', async () => {
    expect((await berth(downCommand, project.dir)).code).toBe(0);
    expect(await leftovers(docker, project.name)).toEqual([]);
  });
});
