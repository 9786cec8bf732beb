import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';

/** `docker inspect` of containers in known states, recorded on dockerd 20.10 (cgroup v1): see fixtures/. */
export function inspectFixture(name: string): Docker.ContainerInspectInfo {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `inspect-${name}.json`), 'utf8'));
}
