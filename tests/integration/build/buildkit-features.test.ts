/**
 * BuildKit builds through the Engine API on the real engine: cache mounts kept between builds, build secrets the
 * step reads and nothing keeps, multi-stage targets with build args, additional contexts, dockerfile_inline.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../support/require-engine';
import { build, buildProject, stack, runIn, stepsByName } from './support';

const engine = await requireEngine();

describe.skipIf(!engine.available)('BuildKit builds', () => {
  const docker = engine.docker;
  const cacheId = `berth-it-${process.pid}-${Date.now()}`;
  const fileSecret = `file-secret-${randomBytes(8).toString('hex')}`;
  const envSecret = `env-secret-${randomBytes(8).toString('hex')}`;
  const project = buildProject(
    docker,
    {
      'compose.yaml': stack(`
  app:
    build:
      context: ./app
      target: test
      args: {GREETING: hello-from-args, RUN_ID: "\${RUN_ID:-1}"}
      secrets:
        - source: from_file
        - source: from_env
          target: hf_token
      additional_contexts:
        assets: ./assets
        tools: docker-image://berth-test-busybox:latest
  options:
    build:
      context: ./options
      network: host
      extra_hosts: ["db=10.1.2.3"]
      shm_size: 96m
      labels: {org.example.stage: test}
  inline:
    build:
      context: ./app
      dockerfile_inline: |
        FROM berth-test-busybox
        RUN echo inline > /inline.txt
secrets:
  from_file:
    file: ./secret.txt
  from_env:
    environment: HF_TOKEN
`),
      'secret.txt': fileSecret,
      'options/Dockerfile': 'FROM berth-test-busybox\nRUN grep -w db /etc/hosts > /hosts\n',
      'assets/model.json': '{"weights": "tiny"}\n',
      'app/Dockerfile': `
FROM berth-test-busybox AS base
ARG RUN_ID
RUN --mount=type=cache,target=/cache,id=${cacheId} echo "run $RUN_ID" >> /cache/log && cp /cache/log /cache-log.txt

FROM base AS test
ARG GREETING
RUN echo "$GREETING" > /greeting
RUN --mount=type=secret,id=from_file --mount=type=secret,id=hf_token \\
    sha256sum /run/secrets/from_file /run/secrets/hf_token | cut -c1-64 > /secret-sums && \\
    cat /run/secrets/hf_token
COPY --from=assets /model.json /model.json
COPY --from=tools /bin/busybox /tools-busybox

FROM test AS later
RUN touch /later-stage
`,
    },
    ['app', 'inline', 'options'],
  );

  afterAll(() => project.remove());

  it('builds the target stage with the build args, secrets the step could read, and the additional contexts', async () => {
    const loaded = await project.loadWith({ HF_TOKEN: envSecret, RUN_ID: '1' });
    const events = await build(docker, loaded, { services: ['app'] });
    const image = `${project.name}-app`;
    expect(await runIn(docker, image, ['cat', '/greeting', '/model.json'])).toBe(
      'hello-from-args\n{"weights": "tiny"}\n',
    );
    expect(
      await runIn(docker, image, ['sh', '-c', 'test -x /tools-busybox && test ! -e /later-stage && echo ok']),
    ).toBe('ok\n');
    const sums = (await runIn(docker, image, ['cat', '/secret-sums'])).trim().split('\n');
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(sums).toEqual([sha(fileSecret), sha(envSecret)]);
    // The step printed the env secret: Berth shows it masked.
    const output = events.flatMap((event) => (event.kind === 'build-output' ? event.lines : []));
    expect(output).toContain('****');
    expect(JSON.stringify(events)).not.toContain(envSecret);
    expect(JSON.stringify(events)).not.toContain(fileSecret);
  });

  it('keeps secret values out of the image, its layers and its history', async () => {
    const image = docker.getImage(`${project.name}-app`);
    const history = JSON.stringify(await image.history());
    expect(history).not.toContain(envSecret);
    expect(history).not.toContain(fileSecret);
    const saved = await image.get();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    const tarball = Buffer.concat(chunks);
    expect(tarball.length).toBeGreaterThan(1000);
    expect(tarball.includes(envSecret)).toBe(false);
    expect(tarball.includes(fileSecret)).toBe(false);
  });

  it('keeps the cache mount between builds: the step runs again and finds what the first build wrote', async () => {
    const events = await build(docker, await project.loadWith({ HF_TOKEN: envSecret, RUN_ID: '2' }), {
      services: ['app'],
    });
    const cacheStep = [...stepsByName(events).values()].find((step) => step.name.includes('--mount=type=cache'));
    expect(cacheStep?.state).toBe('done');
    expect(await runIn(docker, `${project.name}-app`, ['cat', '/cache-log.txt'])).toBe('run 1\nrun 2\n');
  });

  it('reports an unchanged step as CACHED the next time', async () => {
    const events = await build(docker, await project.loadWith({ HF_TOKEN: envSecret, RUN_ID: '2' }), {
      services: ['app'],
    });
    const cacheStep = [...stepsByName(events).values()].find((step) => step.name.includes('--mount=type=cache'));
    expect(cacheStep).toMatchObject({ state: 'cached', source: { file: 'Dockerfile', line: 4 } });
  });

  it('leaves no temporary image of an additional context behind', async () => {
    const images = await docker.listImages();
    expect(
      images.flatMap((image) => image.RepoTags ?? []).filter((tag) => tag.startsWith('berth-build-context-')),
    ).toEqual([]);
  });

  // shm_size goes along too, but dockerd 20.10's BuildKit gives RUN steps its fixed 64 MB /dev/shm whatever it is asked.
  it('passes the network and extra hosts to the build steps', async () => {
    await build(docker, await project.loadWith({ HF_TOKEN: envSecret }), { services: ['options'] });
    expect(await runIn(docker, `${project.name}-options`, ['cat', '/hosts'])).toMatch(/^10\.1\.2\.3\s+db\n$/);
  });

  it('builds dockerfile_inline', async () => {
    const events = await build(docker, await project.loadWith({ HF_TOKEN: envSecret }), { services: ['inline'] });
    expect(await runIn(docker, `${project.name}-inline`, ['cat', '/inline.txt'])).toBe('inline\n');
    const run = [...stepsByName(events).values()].find((step) => step.name.includes('echo inline'));
    expect(run?.source).toMatchObject({ file: '<inline>', line: 2 });
  });
});
