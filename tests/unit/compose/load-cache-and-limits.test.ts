/** The loader's cache (by file identity and options), its limits, and the names JavaScript objects trip over. */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectLoadCache } from '../../../src/main/services/compose/load';
import { load, loadError, writeProject } from './project-fixture';

const WEB = 'services:\n  web:\n    image: busybox:1\n';

describe('ProjectLoadCache', () => {
  it('answers from the cache while no file it read changed, and loads again when one did', async () => {
    const dir = writeProject({ 'compose.yaml': WEB, '.env': 'TAG=1\n' });
    const file = join(dir, 'compose.yaml');
    const whole = 1_700_000_000; // whole seconds survive being set again exactly
    utimesSync(file, whole, whole);
    const cache = new ProjectLoadCache();
    expect((await load(dir, { cache })).model.services.web!.image).toBe('busybox:1');

    // Same size, same modification time: the cache cannot tell, which proves it did not read the file again.
    writeFileSync(file, WEB.replace('busybox:1', 'busybox:2'));
    utimesSync(file, whole, whole);
    expect((await load(dir, { cache })).model.services.web!.image).toBe('busybox:1');

    utimesSync(file, whole, whole + 5);
    expect((await load(dir, { cache })).model.services.web!.image).toBe('busybox:2');
  });

  it('notices a file that appeared (an override), a changed environment, and other options', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: busybox:${TAG:-1}\n' });
    const cache = new ProjectLoadCache();
    expect((await load(dir, { cache })).model.services.web!.image).toBe('busybox:1');
    expect((await load(dir, { cache, env: { TAG: '3' } })).model.services.web!.image).toBe('busybox:3');
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  web:\n    image: busybox:4\n');
    expect((await load(dir, { cache })).model.services.web!.image).toBe('busybox:4');
    expect(cache.size).toBe(2);
  });

  it('gives each caller its own copy, and replays the load’s warnings', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: busybox:${UNSET}x\n' });
    const cache = new ProjectLoadCache();
    const first = await load(dir, { cache });
    first.model.services.web!.image = 'changed';
    const warnings: string[] = [];
    const second = await load(dir, { cache, onWarning: (message) => warnings.push(message) });
    expect(second.model.services.web!.image).toBe('busybox:x');
    expect(warnings).toEqual(['The "UNSET" variable is not set. Defaulting to a blank string.']);
  });
});

describe('load limits', () => {
  it('states the limit and the variable that raises it', async () => {
    const dir = writeProject({ 'compose.yaml': `${WEB}  db:\n    image: busybox\n  cache:\n    image: busybox\n` });
    const error = await loadError(dir, { env: { BERTH_COMPOSE_MAX_SERVICES: '2' } });
    expect(error.code).toBe('E_COMPOSE_INVALID');
    expect(error.message).toMatch(/too many services \(3\).*Berth's limit: 2; BERTH_COMPOSE_MAX_SERVICES raises it/);
    expect((error as { fix?: string }).fix).toContain('BERTH_COMPOSE_MAX_SERVICES=8');
    expect((await load(dir, { env: { BERTH_COMPOSE_MAX_SERVICES: '3' } })).model.services.cache).toBeDefined();
  });

  it('bounds nesting before building the tree, even when the variable asks for more than can be parsed', async () => {
    const deep = `${WEB}x-deep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    const error = await loadError(writeProject({ 'compose.yaml': deep }), {
      env: { BERTH_COMPOSE_MAX_DEPTH: '100000' },
    });
    expect(error.message).toContain('nested too deeply');
    expect(error.message).toContain("Berth's limit: 400");
  });
});

describe('names that are also JavaScript’s', () => {
  it('keeps services, keys and dependencies named __proto__, constructor or toString', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'services:',
        '  __proto__:',
        '    image: busybox',
        '    environment: {__proto__: a, constructor: b}',
        '  constructor:',
        '    image: busybox',
        '    depends_on: [toString]',
        '  toString:',
        '    image: busybox',
        '',
      ].join('\n'),
    });
    const project = await load(dir);
    expect(Object.keys(project.model.services)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.entries(project.model.services.__proto__!.environment!)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
    const constructorService: string = 'constructor';
    expect(Object.keys(project.model.services[constructorService]!.depends_on!)).toEqual(['toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not take an inherited function for a service', async () => {
    const dir = writeProject({ 'compose.yaml': `${WEB}    depends_on: [constructor]\n` });
    expect((await loadError(dir)).message).toBe(
      'service "web" depends on undefined service "constructor": invalid compose project',
    );
  });
});
