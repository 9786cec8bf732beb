/**
 * Runs a real project's services on the busybox test image (no registry here): an override file, added to the
 * project's COMPOSE_FILE in its own .env (never to the template or the user's compose files), gives every service
 * busybox, a command that idles until stopped, and a healthcheck that passes. Services others wait for with
 * `service_completed_successfully` exit 0 at once instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap } from 'yaml';
import { loadProject } from '../../src/main/services/compose/load';
import { setDotenvValue } from '../../src/main/services/templates/dotenv-line';
import { TEST_IMAGE } from './require-engine';

const IDLE = "trap 'exit 0' TERM INT; while true; do sleep 1; done";
const OVERRIDE_FILE = 'compose.e2e-busybox.yaml';

export async function standInBusybox(projectDir: string): Promise<void> {
  const dotenvPath = path.join(projectDir, '.env');
  const dotenv = await readFile(dotenvPath, 'utf8').catch(() => '');
  const project = await loadProject({ workingDir: projectDir, env: {} });
  const oneShot = new Set(
    Object.values(project.model.services).flatMap((service) =>
      Object.entries(service.depends_on ?? {}).flatMap(([name, dependency]) =>
        dependency.condition === 'service_completed_successfully' ? [name] : [],
      ),
    ),
  );
  const services: Record<string, unknown> = {};
  for (const name of Object.keys(project.model.services)) {
    services[name] = {
      image: TEST_IMAGE,
      pull_policy: 'never',
      entrypoint: ['sh', '-c'],
      command: [oneShot.has(name) ? 'true' : IDLE],
      healthcheck: { test: ['CMD', 'true'], interval: '1s', timeout: '1s', retries: 3, start_period: '0s' },
    };
  }
  const document = new Document({ services });
  for (const name of Object.keys(services)) {
    // Replace, not merge with, what the project declares; and never build.
    const healthcheck = document.getIn(['services', name, 'healthcheck'], true);
    if (isMap(healthcheck)) healthcheck.tag = '!override';
    const noBuild = document.createNode(null);
    noBuild.tag = '!reset';
    document.setIn(['services', name, 'build'], noBuild);
  }
  await writeFile(path.join(projectDir, OVERRIDE_FILE), document.toString());
  const files = project.configFiles.map((file) => path.relative(projectDir, file));
  await writeFile(dotenvPath, setDotenvValue(dotenv, 'COMPOSE_FILE', [...files, OVERRIDE_FILE].join(path.delimiter)));
}
