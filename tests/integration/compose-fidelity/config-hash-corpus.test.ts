/**
 * Config-hash parity on the whole shared corpus (issue 20.4): for every recorded run that loads, the real Compose
 * CLI creates the project's containers (`up --no-start`) on the local engine and labels each with its
 * `com.docker.compose.config-hash`; the hash Berth computes for that service must be the same, or `berth up` would
 * recreate what `docker compose up` created. Images are stood in by tags of the test image under the names the
 * project uses (removed afterwards, as are the containers, networks and volumes); the hash never includes the
 * image's content, only its name. A project whose containers cannot all be created here (an image pinned by
 * digest, `name@sha256:…`, cannot be stood in without a registry; an image name that is not one; a runtime this
 * engine lacks; one container_name for two services) is compared with the hash recomputed from `docker compose config --format json` as
 * shared/compose-experiments/hash_repro.py does (sha256 of the service's compact JSON without build, pull_policy,
 * scale and deploy.replicas, and, as `up` does, without dependencies on services left out); every run that can be
 * created checks that this recomputation gives the label, so the method is held to the real thing.
 * (`docker compose config --hash` is not that function in 2.26: its answers differ from the labels.)
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComposeFlags } from '../../../src/main/cli/compose-flags';
import { imageOf } from '../../../src/main/services/compose/engine/naming';
import { expectedConfigHash } from '../../../src/main/services/compose/engine/spec/container-spec';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { loadProject, type ComposeProject } from '../../../src/main/services/compose/load';
import {
  corpusAvailable,
  CORPUS_DIR,
  readCorpusRuns,
  SCRUBBED_PATH,
  type CorpusRun,
} from '../../support/compose-corpus';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { composeCliAvailable } from './compose-oracle';

const run = promisify(execFile);
const engine = await requireEngine();
const ready = engine.available && corpusAvailable() && (await composeCliAvailable());
const RUN_ID = `${process.pid}`;
/**
 * Entries run side by side in a few lanes; the runs of one entry one after the other. Entries that fix container
 * names (`container_name:`, which two entries may share) all go to the first lane.
 */
const LANES = 3;

const createdTags = new Set<string>();
const runtimes = new Set<string>();
const createdVolumes = new Set<string>();
const checked = { againstLabel: 0, againstRecomputed: 0 };

interface Mismatch {
  run: string;
  service: string;
  compose?: string;
  berth: string;
}

/** Makes `name` an image of the engine (a tag of the test image); false when no tag can have that name. */
async function ensureImage(name: string): Promise<boolean> {
  if (createdTags.has(name)) return true;
  if (name.includes('@')) return false;
  const exists = await engine.docker
    .getImage(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (exists) return true;
  const lastColon = name.lastIndexOf(':');
  const hasTag = lastColon > name.lastIndexOf('/');
  const repo = hasTag ? name.slice(0, lastColon) : name;
  const tag = hasTag ? name.slice(lastColon + 1) : 'latest';
  try {
    await engine.docker.getImage(TEST_IMAGE).tag({ repo, tag });
    createdTags.add(name);
    return true;
  } catch {
    return false;
  }
}

async function ensureExternalVolumes(project: ComposeProject): Promise<void> {
  for (const [key, volume] of Object.entries(project.model.volumes ?? {})) {
    if (!volume.external) continue;
    const name = volume.name ?? key;
    const exists = await engine.docker
      .getVolume(name)
      .inspect()
      .then(
        () => true,
        () => false,
      );
    if (exists) continue;
    createdVolumes.add(name);
    await engine.docker.createVolume({ Name: name });
  }
}

function envOf(runEntry: CorpusRun, dir: string): Record<string, string> {
  return { PATH: SCRUBBED_PATH, HOME: process.env.HOME ?? '/root', PWD: dir, ...runEntry.env };
}

/** Creates the run's containers with Compose, compares every container's label with Berth's hash, takes it down. */
async function compareRun(corpusRun: CorpusRun, index: number): Promise<Mismatch[]> {
  // A copy (the corpus is read-only), where bind-mount sources the files expect can be made.
  const root = mkdtempSync(join(tmpdir(), 'berth-hash-corpus-'));
  cpSync(join(CORPUS_DIR, corpusRun.entry), join(root, corpusRun.entry), { recursive: true });
  if (corpusRun.remove_dotenv) rmSync(join(root, corpusRun.entry, '.env'), { force: true });
  const dir = join(root, corpusRun.entry);
  const name = `berth-hash-corpus-${index}-${RUN_ID}`;
  const env = envOf(corpusRun, dir);
  const compose = (args: string[]) =>
    run('docker', ['compose', '-p', name, ...corpusRun.args, ...args], { cwd: dir, env, maxBuffer: 64 << 20 });
  try {
    const project = await loadProject({
      ...parseComposeFlags(corpusRun.args).flags,
      projectName: name,
      workingDir: dir,
      env,
    });
    const services = Object.keys(project.model.services);
    // Every service behind a profile: Compose has nothing to create ("no service selected").
    if (services.length === 0) return [];
    // Two services with one container_name (n8n's ollama variants, all enabled by `--profile *`) can't both exist.
    const names = services.flatMap((service) => project.model.services[service]!.container_name ?? []);
    let creatable = new Set(names).size === names.length;
    for (const service of services) {
      const config = project.model.services[service]!;
      if (config.runtime && !runtimes.has(config.runtime)) creatable = false;
      if (!(await ensureImage(imageOf(name, service, config)))) creatable = false;
    }
    const fromConfig = await hashesFromConfig(compose);
    if (creatable) {
      await ensureExternalVolumes(project);
      makeMountSources(project, root);
      await compose(['up', '--no-start', '--pull', 'never', '--no-build']);
    }
    const containers = await engine.docker.listContainers({
      all: true,
      filters: { label: [`${COMPOSE_LABELS.project}=${name}`] },
    });
    const idOf = (service: string) =>
      containers.find((container) => container.Labels[COMPOSE_LABELS.service] === service)?.Id ?? '';
    const label = `${corpusRun.entry}/${corpusRun.run}`;
    const mismatches: Mismatch[] = [];
    for (const service of services) {
      const container = containers.find((candidate) => candidate.Labels[COMPOSE_LABELS.service] === service);
      const berth = expectedConfigHash(project, service, idOf);
      const labelled = container?.Labels[COMPOSE_LABELS.configHash];
      const recomputed = fromConfig.get(service);
      // Services sharing another's namespace hash its container ID: only the label knows it.
      const usesContainerIds = project.model.services[service]!.network_mode?.startsWith('service:') ?? false;
      if (labelled !== undefined && recomputed !== labelled && !usesContainerIds) {
        mismatches.push({ run: label, service, compose: `label ${labelled}`, berth: `recomputed ${recomputed}` });
      }
      const reference = labelled ?? recomputed;
      if (labelled !== undefined) checked.againstLabel++;
      else checked.againstRecomputed++;
      if (reference !== berth) mismatches.push({ run: label, service, compose: reference, berth });
    }
    expect(containers.length).toBe(creatable ? services.length : 0);
    return mismatches;
  } finally {
    await compose(['down', '--volumes', '--remove-orphans', '--timeout', '0']).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

function fixesContainerNames(entry: string): boolean {
  const files = readdirSync(join(CORPUS_DIR, entry), { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => /\.ya?ml$/.test(file))
    .some((file) => readFileSync(join(CORPUS_DIR, entry, file), 'utf8').includes('container_name:'));
}

/**
 * Files the containers mount that the corpus does not hold, made inside the project's copy: bind sources (a file
 * when the name has an extension, else a directory) and the files of secrets and configs.
 */
function makeMountSources(project: ComposeProject, root: string): void {
  const binds = Object.values(project.model.services).flatMap((service) =>
    (service.volumes ?? []).flatMap((volume) => (volume.type === 'bind' && volume.source ? [volume.source] : [])),
  );
  const objects = [...Object.values(project.model.secrets ?? {}), ...Object.values(project.model.configs ?? {})];
  const files = objects.flatMap((object) => (object.file ? [object.file] : []));
  for (const source of [...binds, ...files]) {
    if (!source.startsWith(root + sep) || existsSync(source)) continue;
    if (extname(source) === '' && !files.includes(source)) mkdirSync(source, { recursive: true });
    else {
      mkdirSync(dirname(source), { recursive: true });
      writeFileSync(source, '');
    }
  }
}

/** The config hash of each service, recomputed from Compose's own `config --format json` (see the header). */
async function hashesFromConfig(
  compose: (args: string[]) => Promise<{ stdout: string }>,
): Promise<Map<string, string>> {
  const { stdout } = await compose(['config', '--format', 'json']);
  const services = (JSON.parse(stdout) as { services: Record<string, Record<string, unknown>> }).services;
  const hashes = new Map<string, string>();
  for (const [name, config] of Object.entries(services)) {
    const { build: _build, pull_policy: _pullPolicy, scale: _scale, ...hashed } = config;
    if (typeof hashed.deploy === 'object' && hashed.deploy !== null) {
      const { replicas: _replicas, ...deploy } = hashed.deploy as Record<string, unknown>;
      hashed.deploy = deploy;
    }
    if (typeof hashed.depends_on === 'object' && hashed.depends_on !== null) {
      const present = Object.entries(hashed.depends_on).filter(([dependency]) => dependency in services);
      if (present.length === 0) delete hashed.depends_on;
      else hashed.depends_on = Object.fromEntries(present);
    }
    const json = JSON.stringify(hashed)
      .replace(/[<>&]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`)
      .replaceAll('$$', '$');
    hashes.set(name, createHash('sha256').update(json).digest('hex'));
  }
  return hashes;
}

describe.skipIf(!ready)('config hash parity with docker compose on the shared corpus', () => {
  const runs = ready ? readCorpusRuns().filter((candidate) => candidate.ok) : [];

  beforeAll(async () => {
    await engine.docker.getImage(TEST_IMAGE).inspect();
    const info = (await engine.docker.info()) as { Runtimes?: Record<string, unknown> };
    for (const runtime of Object.keys(info.Runtimes ?? {})) runtimes.add(runtime);
  });

  afterAll(async () => {
    // Whatever a failed `down` left behind: every object labelled with one of this run's project names.
    const ours = (labels: Record<string, string> | undefined) =>
      /^berth-hash-corpus-\d+-/.test(labels?.[COMPOSE_LABELS.project] ?? '') &&
      labels![COMPOSE_LABELS.project]!.endsWith(`-${RUN_ID}`);
    for (const container of await engine.docker.listContainers({ all: true })) {
      if (ours(container.Labels)) await engine.docker.getContainer(container.Id).remove({ force: true, v: true });
    }
    for (const network of await engine.docker.listNetworks()) {
      if (ours(network.Labels))
        await engine.docker
          .getNetwork(network.Id)
          .remove()
          .catch(() => undefined);
    }
    for (const volume of (await engine.docker.listVolumes()).Volumes ?? []) {
      if (ours(volume.Labels ?? undefined))
        await engine.docker
          .getVolume(volume.Name)
          .remove()
          .catch(() => undefined);
    }
    for (const tag of createdTags)
      await engine.docker
        .getImage(tag)
        .remove({ noprune: true })
        .catch(() => undefined);
    for (const volume of createdVolumes)
      await engine.docker
        .getVolume(volume)
        .remove()
        .catch(() => undefined);
  });

  it(`every service of the ${runs.length} runs that load gets Compose's hash`, { timeout: 600_000 }, async () => {
    const byEntry = new Map<string, { run: CorpusRun; index: number }[]>();
    runs.forEach((corpusRun, index) =>
      byEntry.set(corpusRun.entry, [...(byEntry.get(corpusRun.entry) ?? []), { run: corpusRun, index }]),
    );
    const lanes: { run: CorpusRun; index: number }[][] = Array.from({ length: LANES }, () => []);
    [...byEntry.entries()].forEach(([entry, entryRuns], i) => {
      const lane = fixesContainerNames(entry) ? 0 : 1 + (i % (LANES - 1));
      lanes[lane]!.push(...entryRuns);
    });
    const mismatches: Mismatch[] = [];
    let services = 0;
    // A failing run is recorded, not thrown, so every lane finishes and takes down what it created.
    await Promise.all(
      lanes.map(async (lane) => {
        for (const { run: corpusRun, index } of lane) {
          const found = await compareRun(corpusRun, index).catch((error: Error) => [
            {
              run: `${corpusRun.entry}/${corpusRun.run}`,
              service: '*',
              berth: error.message
                .split('\n')
                .filter((line) => /error/i.test(line))
                .join(' ')
                .slice(0, 600),
            },
          ]);
          mismatches.push(...found);
          services++;
        }
      }),
    );
    console.info(
      `[config-hash] ${checked.againstLabel} services against the label of the container Compose created, ` +
        `${checked.againstRecomputed} against the hash recomputed from its config`,
    );
    expect(services).toBe(runs.length);
    expect(mismatches).toEqual([]);
  });
});
