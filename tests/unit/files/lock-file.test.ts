import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tryLockFile } from '../../../src/main/services/files/lock-file';

describe('tryLockFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'berth-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the lock to one holder at a time and names the holder to the others', async () => {
    const file = path.join(dir, 'lab.lock');
    const first = await tryLockFile(file, 'up');
    expect(first.acquired).toBe(true);
    const second = await tryLockFile(file, 'down');
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, operation: 'up' } });
    if (first.acquired) await first.release();
    expect((await tryLockFile(file, 'down')).acquired).toBe(true);
  });

  it('takes over a lock whose holder died without releasing it', async () => {
    const file = path.join(dir, 'lab.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(
      file,
      JSON.stringify({ pid: deadPid, startTime: '1', host: hostname(), operation: 'up', since: 1 }),
    );
    const attempt = await tryLockFile(file, 'down');
    expect(attempt.acquired).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, operation: 'down' });
  });

  it('respects a lock held by another live process', async () => {
    const file = path.join(dir, 'lab.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const startTime = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')[19];
      await writeFile(file, JSON.stringify({ pid: child.pid, startTime, host: hostname(), operation: 'up', since: 2 }));
      expect(await tryLockFile(file, 'down')).toMatchObject({ acquired: false, holder: { pid: child.pid } });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('treats a reused pid (same pid, another start time) as a dead holder', async () => {
    const file = path.join(dir, 'lab.lock');
    await writeFile(
      file,
      JSON.stringify({ pid: process.pid, startTime: 'not-my-start-time', host: hostname(), operation: 'up', since: 3 }),
    );
    expect((await tryLockFile(file, 'down')).acquired).toBe(true);
  });

  it('clears debris that is not a lock', async () => {
    const file = path.join(dir, 'lab.lock');
    await writeFile(file, 'not json');
    expect((await tryLockFile(file, 'up')).acquired).toBe(true);
  });

  it('lets exactly one of many concurrent takers win', async () => {
    const file = path.join(dir, 'race.lock');
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => tryLockFile(file, `op${i}`)));
    expect(attempts.filter((attempt) => attempt.acquired)).toHaveLength(1);
  });
});
