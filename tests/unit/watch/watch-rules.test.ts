/** develop.watch rules: which trigger takes a changed path, where it goes in the container, what is ignored. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectByName } from '../../../src/main/services/compose/engine/project-by-name';
import type { ComposeProject } from '../../../src/main/services/compose/model/project';
import type { ComposeService } from '../../../src/main/services/compose/model/service';
import { matchTriggers, watchTriggers } from '../../../src/main/services/watch/watch-rules';

const dir = mkdtempSync(join(tmpdir(), 'berth-watch-rules-'));
mkdirSync(join(dir, 'app'));
writeFileSync(join(dir, 'app/.dockerignore'), '*.pyc\nsecrets/\n');

function project(services: Record<string, Partial<ComposeService>>): ComposeProject {
  const stub = projectByName('demo');
  return { ...stub, workingDir: dir, model: { ...stub.model, services: services as Record<string, ComposeService> } };
}

const WEB: Partial<ComposeService> = {
  build: { context: join(dir, 'app') },
  develop: {
    watch: [
      {
        path: join(dir, 'app'),
        action: 'sync',
        target: '/srv/app/',
        ignore: ['node_modules/', 'requirements.txt'],
        exec: {},
      },
      { path: join(dir, 'app/requirements.txt'), action: 'rebuild', exec: {} },
    ],
  },
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watch rules', () => {
  const triggers = watchTriggers(project({ web: WEB, db: {} }));
  const match = (path: string) =>
    matchTriggers(triggers, join(dir, path)).map((found) => [found.trigger.action, found.containerPath ?? null]);

  it('maps a path under a sync rule to its target in the container', () => {
    expect(match('app/main.py')).toEqual([['sync', '/srv/app/main.py']]);
    expect(match('app/pkg/mod.py')).toEqual([['sync', '/srv/app/pkg/mod.py']]);
  });

  it("ignores the rule's patterns, the build context's .dockerignore, editors' and git's files", () => {
    expect(match('app/node_modules/x/index.js')).toEqual([]);
    expect(match('app/cache.pyc')).toEqual([]);
    expect(match('app/secrets/key')).toEqual([]);
    expect(match('app/.main.py.swp')).toEqual([]);
    expect(match('app/main.py~')).toEqual([]);
    expect(match('app/.git/index')).toEqual([]);
  });

  it('lets every rule that takes a path act on it: a path one rule ignores can rebuild', () => {
    expect(match('app/requirements.txt')).toEqual([['rebuild', null]]);
    expect(match('elsewhere.txt')).toEqual([]);
  });

  it('refuses rules that cannot work, saying what to change', () => {
    expect(() =>
      watchTriggers(project({ a: { develop: { watch: [{ path: dir, action: 'rebuild', exec: {} }] } } })),
    ).toThrow(/has no build section/);
    expect(() =>
      watchTriggers(project({ a: { develop: { watch: [{ path: dir, action: 'sync', exec: {} }] } } })),
    ).toThrow(/has no target/);
    expect(() =>
      watchTriggers(project({ a: { develop: { watch: [{ path: dir, action: 'copy', exec: {} }] } } })),
    ).toThrow(/not one Berth knows/);
    expect(() => watchTriggers(project({ a: {} }), ['nope'])).toThrow(/no such service/);
  });
});
