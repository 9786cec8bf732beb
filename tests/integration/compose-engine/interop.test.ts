/**
 * Interop with the real Compose v2 CLI, both ways: what Berth brings up, Compose lists, leaves alone and takes
 * down; what Compose brings up, Berth lists, leaves alone and takes down, with nothing left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { downCommand } from '../../../src/main/cli/commands/down';
import { lsCommand } from '../../../src/main/cli/commands/ls';
import { psCommand } from '../../../src/main/cli/commands/ps';
import { upCommand } from '../../../src/main/cli/commands/up';
import { requireEngine } from '../../support/require-engine';
import { berth, compose, containerIds, leftovers, testProject, type TestProject } from './support';

const engine = await requireEngine();

// Enough of the model to make a config-hash mismatch show: env, ports, volumes, networks with aliases,
// healthcheck, depends_on conditions, labels, restart.
const STACK = `
name: \${NAME}
services:
  db:
    image: berth-test-busybox:latest
    init: true
    command: ["sh", "-c", "touch /tmp/ready; sleep 3600"]
    environment: {ROLE: db, EMPTY: ""}
    healthcheck: {test: ["CMD", "test", "-e", "/tmp/ready"], interval: 500ms, retries: 5}
    volumes: [data:/data, /scratch]
    networks: {back: {aliases: [database]}}
    labels: {team: ml}
  web:
    image: berth-test-busybox:latest
    init: true
    command: httpd -f -p 8080
    ports: ["127.0.0.1::8080"]
    restart: unless-stopped
    depends_on:
      db: {condition: service_healthy, restart: true}
    networks: [back, default]
volumes:
  data: {}
networks:
  back: {}
`;

describe.skipIf(!engine.available)('compose engine: interop with the Compose CLI', () => {
  const docker = engine.docker;
  let project: TestProject | null = null;
  afterEach(async () => {
    await project?.cleanup();
    project = null;
  });

  it('a project brought up by Berth is listed, left untouched and taken down by docker compose', async () => {
    project = testProject(docker, 'berth-first', { 'compose.yaml': STACK });
    expect((await berth(upCommand, project.dir)).code).toBe(0);
    const ids = await containerIds(docker, project.name);
    expect(Object.keys(ids).sort()).toEqual([`${project.name}-db-1`, `${project.name}-web-1`]);

    const listed = JSON.parse(await compose(project.dir, 'ls', '--all', '--format', 'json')) as {
      Name: string;
      Status: string;
    }[];
    expect(listed.find((entry) => entry.Name === project!.name)?.Status).toBe('running(2)');

    const output = await compose(project.dir, 'up', '-d');
    expect(output).not.toMatch(/Recreate/);
    expect(await containerIds(docker, project.name)).toEqual(ids);

    await compose(project.dir, 'down', '-v');
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it('a project brought up by docker compose is listed, left untouched and taken down by Berth', async () => {
    project = testProject(docker, 'compose-first', { 'compose.yaml': STACK });
    await compose(project.dir, 'up', '-d');
    const ids = await containerIds(docker, project.name);

    const ls = await berth(lsCommand, project.dir, '--json');
    expect(JSON.parse(ls.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: project.name, status: 'running(2)' })]),
    );
    const ps = await berth(psCommand, project.dir, '--json');
    const rows = JSON.parse(ps.stdout) as { name: string; service: string; state: string; ports: string[] }[];
    expect(rows.map((row) => `${row.service}:${row.state}`).sort()).toEqual(['db:running', 'web:running']);
    expect(rows.find((row) => row.service === 'web')!.ports[0]).toMatch(/^127\.0\.0\.1:\d+->8080\/tcp$/);

    const up = await berth(upCommand, project.dir);
    expect(up.code).toBe(0);
    expect(up.stdout).not.toMatch(/Creating/);
    expect(await containerIds(docker, project.name)).toEqual(ids);

    const down = await berth(downCommand, project.dir, '-v');
    expect(down.code).toBe(0);
    expect(await leftovers(docker, project.name)).toEqual([]);
  });

  it('berth down -p NAME removes a Compose project whose files are gone, by its labels', async () => {
    project = testProject(docker, 'files-gone', { 'compose.yaml': STACK });
    await compose(project.dir, 'up', '-d');
    const elsewhere = testProject(docker, 'empty-dir', {});
    try {
      const down = await berth(downCommand, elsewhere.dir, '-p', project.name, '-v');
      expect(down.stderr).toBe('');
      expect(down.code).toBe(0);
      expect(await leftovers(docker, project.name)).toEqual([]);
    } finally {
      await elsewhere.cleanup();
    }
  });
});
