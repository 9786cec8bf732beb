import { describe, expect, it } from 'vitest';
import { operations, streams } from '@shared/contract';
import { ContainerRefSchema, ServiceNameSchema } from '@shared/schemas/containers';

/** Ids that would change the engine request's URL: the probe's redirect to a port of its choosing, and kin. */
const HOSTILE_IDS = [
  '../127.0.0.1:18778/anything?x=',
  '..',
  '../../v1.41/info',
  'abc/../../info',
  'abc?x=1',
  'abc#frag',
  'abc%2f..',
  '/abc',
  'abc def',
  'abc\n',
  'host:1234',
  '',
  'a'.repeat(256),
];

const GOOD_IDS = ['3f1e2a', 'a'.repeat(64), 'ml-trainer-1', 'my_app.web.1', 'X'];

describe('engine object ids are validated against the engine’s grammar', () => {
  it.each(GOOD_IDS)('accepts the container id or name %j', (id) => {
    expect(ContainerRefSchema.safeParse(id).success).toBe(true);
  });

  it.each(HOSTILE_IDS)('refuses %j for every input that names a container', (id) => {
    const inputs = [
      streams.terminal.input.safeParse({ target: 'container', containerId: id, cols: 80, rows: 24 }),
      streams.logs.input.safeParse({ target: { kind: 'container', id } }),
      operations['containers.jupyterToken'].input.safeParse({ id }),
      operations['volumes.revealBindMount'].input.safeParse({ containerId: id, destination: '/app' }),
      operations['volumes.listDirectory'].input.safeParse({
        target: { kind: 'bind', containerId: id, destination: '/app' },
        path: '',
      }),
      streams.volumeTransfer.input.safeParse({
        direction: 'download',
        target: { kind: 'bind', containerId: id, destination: '/app' },
        path: 'a',
      }),
    ];
    for (const result of inputs) expect(result.success).toBe(false);
  });

  it('takes project and service names as Compose allows them', () => {
    const logs = (target: unknown) => streams.logs.input.safeParse({ target }).success;
    expect(logs({ kind: 'service', project: 'ml-stack_2', service: 'web.v2' })).toBe(true);
    expect(logs({ kind: 'project', project: 'ml', services: ['trainer', 'db_1'] })).toBe(true);
    expect(logs({ kind: 'service', project: '../x', service: 'web' })).toBe(false);
    expect(logs({ kind: 'service', project: 'ML', service: 'web' })).toBe(false);
    expect(logs({ kind: 'project', project: 'ml', services: ['web/../x'] })).toBe(false);
    expect(ServiceNameSchema.safeParse('a b').success).toBe(false);
  });
});
