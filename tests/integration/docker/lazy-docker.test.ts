/**
 * The engine client Berth makes: the read calls short commands start with are answered without dockerode, and must
 * answer exactly as dockerode does (results and errors) on the real engine; everything else is dockerode's.
 */
import { homedir } from 'node:os';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHttpAgent } from '../../../src/main/services/docker/engine-http-agent';
import { lazyDocker } from '../../../src/main/services/docker/lazy-docker';
import { resolveEndpoint } from '../../../src/main/services/docker/resolve-endpoint';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

interface DockerError {
  statusCode?: number;
  reason?: string;
  message: string;
  json?: unknown;
}

describe.skipIf(!engine.available)('the lazy engine client against the real engine', () => {
  const target = resolveEndpoint({ env: process.env, homeDir: homedir() }).target;
  const socketPath = target.transport === 'unix' ? target.socketPath : '/var/run/docker.sock';
  const agent = new EngineHttpAgent();
  const reference = new Docker({ socketPath });
  let loads = 0;
  const lazy = lazyDocker(
    () => {
      loads += 1;
      return new Docker({ socketPath, agent } as Docker.DockerOptions);
    },
    { agent, socketPath },
  );
  const label = `berth.test.lazy=${process.pid}`;
  let id: string;

  beforeAll(async () => {
    const container = await engine.docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"],
      Labels: { 'berth.test.lazy': String(process.pid) },
    });
    id = container.id;
    await container.start();
  });

  afterAll(async () => {
    await engine.docker.getContainer(id).remove({ force: true });
    agent.destroy();
  });

  it('answers ping, version, info, a filtered container list and inspect as dockerode does, without loading it', async () => {
    expect(String(await lazy.ping())).toBe('OK');
    expect(await lazy.version()).toEqual(await reference.version());
    const [info, referenceInfo] = await Promise.all([lazy.info(), reference.info()]);
    expect(info).toMatchObject({
      ID: referenceInfo.ID,
      ServerVersion: referenceInfo.ServerVersion,
      DockerRootDir: referenceInfo.DockerRootDir,
      Runtimes: referenceInfo.Runtimes,
    });

    const query = { all: true, filters: { label: [label] } };
    const summary = (rows: Docker.ContainerInfo[]) =>
      rows.map(({ Id, Names, Image, Labels, State }) => ({ Id, Names, Image, Labels, State }));
    const listed = await lazy.listContainers(query);
    expect(summary(listed)).toEqual(summary(await reference.listContainers(query)));
    expect(listed.map((row) => row.Id)).toEqual([id]);

    const inspected = await lazy.getContainer(id).inspect();
    const referenceInspected = await reference.getContainer(id).inspect();
    expect(inspected).toMatchObject({ Id: id, Name: referenceInspected.Name, Config: referenceInspected.Config });
    expect(inspected.State.Running).toBe(true);
    expect(lazy.getContainer(id).id).toBe(id);
    expect(loads).toBe(0);
  });

  it('fails as dockerode fails: a missing container, a bad filter, an unreachable socket', async () => {
    const shape = (error: DockerError) => ({
      statusCode: error.statusCode,
      reason: error.reason,
      message: error.message,
    });
    const missing = 'berth-no-such-container';
    const mine = (await lazy
      .getContainer(missing)
      .inspect()
      .catch((error: DockerError) => error)) as DockerError;
    const theirs = (await reference
      .getContainer(missing)
      .inspect()
      .catch((error: DockerError) => error)) as DockerError;
    expect(shape(mine)).toEqual(shape(theirs));
    expect(mine.statusCode).toBe(404);

    const bad = { filters: { 'no-such-filter': ['x'] } };
    const myList = (await lazy.listContainers(bad).catch((error: DockerError) => error)) as DockerError;
    const theirList = (await reference.listContainers(bad).catch((error: DockerError) => error)) as DockerError;
    expect(shape(myList)).toEqual(shape(theirList));
    expect(myList.statusCode).toBe(400);

    const nowhere = { agent: new EngineHttpAgent(), socketPath: '/tmp/berth-no-engine-here.sock' };
    const gone = lazyDocker(() => new Docker({ socketPath: nowhere.socketPath }), nowhere);
    await expect(gone.ping()).rejects.toMatchObject({ code: 'ENOENT' });
    nowhere.agent.destroy();
    expect(loads).toBe(0);
  });

  it('gives up when its abort signal fires', async () => {
    const aborted = AbortSignal.abort();
    await expect(lazy.info({ abortSignal: aborted } as never)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('loads dockerode once, for any other call and for callback-style calls', async () => {
    const images = await lazy.listImages();
    expect(images.some((image) => image.RepoTags?.includes(TEST_IMAGE))).toBe(true);
    expect(loads).toBe(1);
    const viaCallback = await new Promise<Docker.ContainerInspectInfo>((resolve, reject) =>
      lazy.getContainer(id).inspect((error, data) => (error ? reject(error as Error) : resolve(data!))),
    );
    expect(viaCallback.Id).toBe(id);
    const top = await lazy.getContainer(id).top();
    expect(JSON.stringify(top.Processes)).toContain('sleep');
    expect(loads).toBe(1);
  });
});
