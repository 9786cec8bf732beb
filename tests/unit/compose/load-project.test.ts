import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, loadError, writeProject } from './project-fixture';

describe('files and project name', () => {
  it('finds compose.yaml plus its override file and names the project after the directory', async () => {
    const dir = writeProject(
      { 'compose.yaml': 'services: {web: {image: a}}', 'compose.override.yml': 'services: {web: {image: b}}' },
      'My_App',
    );
    const project = await load(dir);
    expect(project.configFiles).toEqual([join(dir, 'compose.yaml'), join(dir, 'compose.override.yml')]);
    expect(project.name).toBe('my_app');
    expect(project.model.services.web!.image).toBe('b');
    expect(project.model.networks).toEqual({ default: { name: 'my_app_default', ipam: {} } });
  });

  it('takes -f files relative to the working dir, and the project directory from the first one', async () => {
    const dir = writeProject({ 'deploy/stack.yml': 'services: {web: {image: a, volumes: ["./data:/data"]}}' });
    const project = await load(dir, { files: ['deploy/stack.yml'] });
    expect(project.workingDir).toBe(join(dir, 'deploy'));
    expect(project.name).toBe('deploy');
    expect(project.model.services.web!.volumes).toEqual([
      { type: 'bind', source: join(dir, 'deploy/data'), target: '/data', bind: { create_host_path: true } },
    ]);
  });

  it('reads COMPOSE_FILE (from the shell or .env) when no -f is given', async () => {
    const dir = writeProject({
      'a.yml': 'services: {a: {image: a}}',
      'b.yml': 'services: {b: {image: b}}',
      '.env': 'COMPOSE_FILE=a.yml:b.yml',
    });
    expect(Object.keys((await load(dir)).model.services)).toEqual(['a', 'b']);
  });

  it('applies name precedence: -p > COMPOSE_PROJECT_NAME > name: > directory', async () => {
    const dir = writeProject({
      'compose.yaml': 'name: From-File_${SUFFIX}\nservices: {s: {image: a}}',
      '.env': 'SUFFIX=x',
    });
    expect((await load(dir)).name).toBe('from-file_x');
    expect((await load(dir, { env: { COMPOSE_PROJECT_NAME: 'from-env' } })).name).toBe('from-env');
    expect((await load(dir, { projectName: 'cli', env: { COMPOSE_PROJECT_NAME: 'from-env' } })).name).toBe('cli');
    const error = await loadError(dir, { projectName: 'Bad Name' });
    expect(error.code).toBe('E_COMPOSE_INVALID');
    expect(error.message).toMatch(/^invalid project name "Bad Name": must consist only of lowercase/);
  });

  it('fails with E_COMPOSE_FILE when no file is found or a -f file is missing', async () => {
    const dir = writeProject({ 'readme.txt': 'no compose here' });
    expect((await loadError(dir, { files: ['nope.yml'] })).code).toBe('E_COMPOSE_FILE');
    expect((await loadError(dir, { files: ['nope.yml'] })).message).toContain('no such file or directory');
  });
});

describe('environment and interpolation', () => {
  it('lets --env-file replace .env, the shell win over files, and interpolates values only', async () => {
    const dir = writeProject({
      'compose.yaml':
        'services:\n  s:\n    image: "app:${TAG}"\n    environment: {FROM: "${FROM}", "${KEY}": v, BARE: }\n',
      '.env': 'TAG=dotenv\nFROM=dotenv',
      'ci.env': 'TAG=ci\nFROM=ci\nBARE=bare',
    });
    const defaults = await load(dir, { env: { FROM: 'shell' } });
    expect(defaults.model.services.s!.image).toBe('app:dotenv');
    expect(defaults.model.services.s!.environment).toEqual({ '${KEY}': 'v', BARE: null, FROM: 'shell' });
    const ci = await load(dir, { envFiles: ['ci.env'] });
    expect(ci.model.services.s!.image).toBe('app:ci');
    expect(ci.model.services.s!.environment).toEqual({ '${KEY}': 'v', BARE: 'bare', FROM: 'ci' });
  });

  it('casts interpolated numbers and booleans after substitution', async () => {
    const dir = writeProject({
      'compose.yaml':
        'services:\n  s:\n    image: a\n    healthcheck: {test: ["CMD", "true"], retries: "${R:-5}"}\n    read_only: "${RO:-true}"\n',
    });
    const service = (await load(dir)).model.services.s!;
    expect(service.healthcheck).toEqual({ test: ['CMD', 'true'], retries: 5 });
    expect(service.read_only).toBe(true);
  });

  it('names the key path, file and line of interpolation errors', async () => {
    const dir = writeProject({
      'compose.yaml': 'services:\n  s:\n    image: a\n    ports:\n      - "${PORT:?set PORT}:80"\n',
    });
    const error = await loadError(dir);
    expect(error.code).toBe('E_COMPOSE_INVALID');
    expect(error.message).toBe(
      'error while interpolating services.s.ports.[]: required variable PORT is missing a value: set PORT',
    );
    expect(error.details).toMatchObject({
      file: join(dir, 'compose.yaml'),
      line: 5,
      column: 9,
      path: 'services.s.ports.[]',
    });
  });

  it('resolves env_file under environment and drops the list', async () => {
    const dir = writeProject({
      'compose.yaml':
        'services:\n  s:\n    image: a\n    env_file: [base.env, {path: optional.env, required: false}]\n    environment: {B: service}\n',
      'base.env': 'A=1\nB=file\nC=${A}-c',
    });
    const service = (await load(dir)).model.services.s!;
    expect(service.environment).toEqual({ A: '1', B: 'service', C: '1-c' });
    expect(service).not.toHaveProperty('env_file');
  });
});

describe('include, extends, profiles', () => {
  it('includes other projects with their own directory, and rejects clashes and cycles', async () => {
    const dir = writeProject({
      'compose.yaml': 'include: [db/compose.yaml]\nservices: {app: {image: app, depends_on: [db]}}',
      'db/compose.yaml': 'services: {db: {image: "pg:${PGV}", volumes: ["./data:/d"]}}',
      'db/.env': 'PGV=16',
    });
    const project = await load(dir);
    expect(project.model.services.db!.image).toBe('pg:16');
    expect(project.model.services.db!.volumes).toMatchObject([{ source: join(dir, 'db/data') }]);

    const clash = writeProject({
      'compose.yaml': 'include: [other.yaml]\nservices: {db: {image: mine}}',
      'other.yaml': 'services: {db: {image: theirs}}',
    });
    expect((await loadError(clash)).message).toBe('services.db conflicts with imported resource');

    const cycle = writeProject({
      'compose.yaml': 'include: [b.yaml]\nservices: {a: {image: a}}',
      'b.yaml': 'include: [compose.yaml]\nservices: {b: {image: b}}',
    });
    expect((await loadError(cycle)).message).toMatch(/^include cycle detected:/);
  });

  it('extends services from the same file and from another file, paths relative to the base file', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'services:',
        '  base: {image: a, environment: {A: base}, profiles: [tools]}',
        '  child: {extends: base, environment: {B: child}}',
        '  remote: {extends: {file: common/base.yml, service: web}, command: run}',
      ].join('\n'),
      'common/base.yml': 'services: {web: {image: w, volumes: ["./html:/usr/share/html"], command: ["serve"]}}',
    });
    const project = await load(dir, { profiles: ['tools'] });
    expect(project.model.services.child).toMatchObject({
      image: 'a',
      environment: { A: 'base', B: 'child' },
      profiles: ['tools'],
    });
    expect(project.model.services.remote).toMatchObject({
      image: 'w',
      command: ['run'],
      volumes: [{ source: join(dir, 'common/html') }],
    });
  });

  it('selects services by profile, COMPOSE_PROFILES, `*` and named services', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'services:',
        '  app: {image: a, depends_on: {gpu: {condition: service_started, required: false}}}',
        '  always: {image: a, profiles: [""]}',
        '  gpu: {image: g, profiles: [gpu]}',
        '  debug: {image: d, profiles: [debug], depends_on: [gpu]}',
      ].join('\n'),
    });
    const names = async (options: Parameters<typeof load>[1]) => Object.keys((await load(dir, options)).model.services);
    expect(await names({})).toEqual(['always', 'app']);
    // The empty profile is only active when no profile is requested.
    expect(await names({ profiles: ['gpu'] })).toEqual(['app', 'gpu']);
    expect(await names({ env: { COMPOSE_PROFILES: 'gpu,debug' } })).toEqual(['app', 'debug', 'gpu']);
    expect(await names({ profiles: ['*'] })).toEqual(['always', 'app', 'debug', 'gpu']);
    expect(await names({ profiles: ['gpu'], services: ['gpu'] })).toEqual(['gpu']);
    const error = await loadError(dir, { profiles: ['debug'] });
    expect(error.message).toBe('service "debug" depends on undefined service "gpu": invalid compose project');
  });
});

describe('normalisation and validation', () => {
  it('names resources <project>_<key> unless named or external, keeps x- keys, drops unused resources', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'name: p',
        'x-meta: {owner: me}',
        'services: {s: {image: a, volumes: [data:/d, ext:/e], networks: [front]}}',
        'volumes: {data: {}, ext: {external: true}, unused: {}}',
        'networks: {front: {name: custom}}',
      ].join('\n'),
    });
    const { model } = await load(dir);
    expect(model.volumes).toEqual({ data: { name: 'p_data' }, ext: { name: 'ext', external: true } });
    expect(model.networks).toEqual({ front: { name: 'custom', ipam: {} } });
    expect(model['x-meta']).toEqual({ owner: 'me' });
  });

  it('reports schema errors with file, line and the key path', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: a\n    use_magic: true\n' });
    const error = await loadError(dir);
    expect(error.message).toBe(
      `validating ${join(dir, 'compose.yaml')}: services.web Additional property use_magic is not allowed`,
    );
    expect(error.details).toMatchObject({ line: 4, column: 5, path: 'services.web' });
    const typed = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: a\n    ports: 80\n' });
    expect((await loadError(typed)).message).toMatch(/services\.web\.ports must be a list$/);
  });

  it('turns a non-mapping file and an empty project into structured errors', async () => {
    expect((await loadError(writeProject({ 'compose.yaml': '- a\n- b\n' }))).code).toBe('E_COMPOSE_FILE');
    expect((await loadError(writeProject({ 'compose.yaml': '' }))).message).toBe('empty compose file');
  });
});
