import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError } from '@shared/errors';
import type { Endpoint } from '@shared/schemas/engine';
import { describeCliError, formatCliError } from '../../../src/main/cli/cli-errors';

const socket: Endpoint = {
  kind: 'unix',
  address: 'unix:///nonexistent.sock',
  source: 'DOCKER_HOST',
  tls: false,
  local: true,
};

describe('CLI errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'berth-cli-errors-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a connection failure the engine diagnosis: where, why and how to fix it', () => {
    const error = Object.assign(new Error('connect ENOENT /nonexistent.sock'), { code: 'ENOENT' });
    const payload = describeCliError(error, socket);
    expect(payload.code).toBe('E_ENGINE_UNREACHABLE');
    expect(payload.message).toBe(
      'cannot reach the Docker engine at unix:///nonexistent.sock: connect ENOENT /nonexistent.sock',
    );
    expect(payload.fix).toBeTruthy();
    expect(formatCliError(payload)).not.toContain('Unexpected error');
  });

  it('says so when something that is not Docker answers', () => {
    const error = Object.assign(new Error('(HTTP code 404) unexpected - '), { statusCode: 404, json: null });
    expect(describeCliError(error, { ...socket, kind: 'tcp', address: 'tcp://127.0.0.1:8080' }).message).toMatch(
      /answered HTTP 404 there, but it is not a Docker engine API/,
    );
  });

  it('leaves the engine’s own errors (a JSON message) as they are', () => {
    const error = Object.assign(new Error('(HTTP code 404) no such container - x'), {
      statusCode: 404,
      json: { message: 'No such container: x' },
    });
    expect(describeCliError(error, socket).code).toBe('E_INTERNAL');
  });

  it('shows the offending line of a file with a caret under the column', async () => {
    const file = path.join(dir, 'compose.yaml');
    await writeFile(file, 'services:\n  web:\n    image: nginx\n   ports: []\n');
    const error = new BerthError('E_COMPOSE_FILE', `${file}:4:4: All mapping items must start at the same column`, {
      details: { file, line: 4, column: 4 },
      fix: 'Indent it like the keys above.',
    });
    expect(formatCliError(error.toPayload())).toBe(
      `${file}:4:4: All mapping items must start at the same column\n4 |    ports: []\n  |    ^\nFix: Indent it like the keys above.\n`,
    );
  });
});
