/**
 * The config hash Berth computes must equal the `com.docker.compose.config-hash` label the real Compose CLI
 * puts on containers, or Berth would recreate (or fail to recreate) containers the CLI considers up to date.
 * Starts small corpus-like projects with `docker compose up -d`, compares every container's label, then `down`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configHash } from '../../../src/main/services/compose/hash/config-hash';
import { COMPOSE_LABELS } from '../../../src/main/services/compose/labels';
import { loadProject } from '../../../src/main/services/compose/load';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';

const engine = await requireEngine();

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const RUN_ID = `${process.pid}-${Date.now()}`;

/** Each project mirrors features of the corpus: anchors and merge keys, env files, healthchecks, profiles… */
const PROJECTS: Record<string, Record<string, string>> = {
  simple: {
    'compose.yaml': [
      'services:',
      '  web:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["httpd", "-f", "-p", "8080"]',
      '    environment: {GREETING: "hello <world> & $${HOME}", EMPTY: ""}',
      '    ports: ["127.0.0.1::8080"]',
      '    labels: [team=ml]',
    ].join('\n'),
  },
  anchors: {
    'compose.yaml': [
      'x-common: &common',
      `  image: ${TEST_IMAGE}`,
      '  restart: unless-stopped',
      '  env_file: [common.env]',
      '  environment: &env {SHARED: "1"}',
      'services:',
      '  worker:',
      '    <<: *common',
      '    command: sh -c "sleep 3600"',
      '    deploy: {replicas: 1, resources: {limits: {memory: 64m}}}',
      '    healthcheck: {test: "true", interval: "${INTERVAL:-30s}", retries: "${RETRIES:-3}"}',
      '    stop_grace_period: 1s',
      '  scheduler:',
      '    <<: *common',
      '    command: ["sleep", "3600"]',
      '    environment: {<<: *env, ROLE: scheduler}',
      '    tmpfs: [/scratch]',
    ].join('\n'),
    'common.env': 'MODEL=llama\nTOKENS=${TOKENS:-128}\n',
    '.env': 'RETRIES=5\n',
  },
  dependencies: {
    'compose.yaml': [
      'services:',
      '  db:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["sleep", "3600"]',
      '    volumes: [data:/data, ./conf:/conf:ro]',
      '    networks: {back: {aliases: [database]}}',
      '  app:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["sleep", "3600"]',
      '    depends_on: {db: {condition: service_started, restart: true}}',
      '    networks: [back, default]',
      '    stop_signal: SIGKILL',
      '  gpu:',
      `    image: ${TEST_IMAGE}`,
      '    profiles: [gpu]',
      'volumes: {data: {}}',
      'networks: {back: {}}',
    ].join('\n'),
    'conf/app.ini': 'x=1\n',
  },
};

const directories: string[] = [];
const started: { name: string; dir: string }[] = [];

function compose(dir: string, name: string, args: string[]): string {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
  return execFileSync('docker', ['compose', '-p', name, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

afterAll(() => {
  for (const { name, dir } of started) {
    try {
      compose(dir, name, ['down', '--volumes', '--timeout', '0']);
    } catch (error) {
      console.warn(`[integration] could not take ${name} down: ${(error as Error).message}`);
    }
  }
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!engine.available)('config hash agrees with the Compose CLI', () => {
  for (const [key, files] of Object.entries(PROJECTS)) {
    it(`matches the labels of ${key}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `berth-hash-${key}-`));
      directories.push(dir);
      for (const [path, content] of Object.entries(files)) {
        execFileSync('mkdir', ['-p', join(dir, path, '..')]);
        writeFileSync(join(dir, path), content);
      }
      const name = `berth-hash-${key}-${RUN_ID}`;
      started.push({ name, dir });
      compose(dir, name, ['up', '-d', '--no-build', '--pull', 'never']);

      const project = await loadProject({ workingDir: dir, projectName: name, env: { HOME: process.env.HOME } });
      const containers = await engine.docker.listContainers({
        all: true,
        filters: { label: [`${PROJECT_LABEL}=${name}`] },
      });
      expect(containers.length).toBe(Object.keys(project.model.services).length);
      for (const container of containers) {
        const service = container.Labels[SERVICE_LABEL]!;
        expect({ service, hash: configHash(project.model.services[service]!) }).toEqual({
          service,
          hash: container.Labels[COMPOSE_LABELS.configHash],
        });
      }
    });
  }
});
