import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineLockDir, ProjectLocks } from '../../../src/main/services/compose/engine/operation-lock';

describe('project locks belong to one engine', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'berth-locks-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps a project busy on its engine only: after a switch, the same name on the new engine is free', async () => {
    let engine = 'ssh://ada@gpu-box';
    const locks = new ProjectLocks({ lockDir: () => engineLockDir(stateDir, engine) });
    let finish: () => void = () => {};
    const running = locks.run('jupyter', 'up', () => new Promise<void>((done) => (finish = done)));
    await expect.poll(() => locks.busy('jupyter')).toBe('up');
    await expect(locks.run('jupyter', 'down', async () => {})).rejects.toMatchObject({ code: 'E_PROJECT_BUSY' });

    engine = 'unix:///var/run/docker.sock';
    expect(locks.busy('jupyter')).toBeUndefined();
    await expect(locks.run('jupyter', 'up', async () => 'done here')).resolves.toBe('done here');

    engine = 'ssh://ada@gpu-box';
    expect(locks.busy('jupyter')).toBe('up');
    finish();
    await running;
    expect(locks.busy('jupyter')).toBeUndefined();
  });
});
