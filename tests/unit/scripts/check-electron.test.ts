import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/check-electron.mjs');

/** Runs the check as npm would, with `env` added; returns what a user sees and how long it took. */
function runCheck(env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { ...result, ms: Date.now() - started };
}

describe('scripts/check-electron.mjs (npm prestart)', () => {
  const temps: string[] = [];
  afterEach(async () => {
    for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /**
   * An electron package folder as npm leaves it: without path.txt (install script skipped), with path.txt but no
   * binary, or complete.
   */
  async function fakeElectron(state: 'no-path-txt' | 'no-binary' | 'installed'): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-fake-electron-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'package.json'), '{"name":"electron"}');
    await writeFile(path.join(dir, 'install.js'), '');
    if (state === 'no-path-txt') return dir;
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    if (state === 'installed') {
      await mkdir(path.join(dir, 'dist'));
      await writeFile(path.join(dir, 'dist', 'electron'), '');
    }
    return dir;
  }

  it('without the binary: one paragraph naming what is missing, the install command, the mirror and the CLI; exit 1', async () => {
    const result = runCheck({ BERTH_ELECTRON_DIR: await fakeElectron('no-path-txt') });
    expect(result.status).toBe(1);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stdout).toBe('');
    const message = result.stderr;
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).toContain('node_modules/electron/path.txt');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('./bin/berth.js --help');
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('says the binary is missing when path.txt points at nothing', async () => {
    const result = runCheck({ BERTH_ELECTRON_DIR: await fakeElectron('no-binary') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Electron's binary isn't installed \(.*dist\/electron is missing\)/);
  });

  it('says nothing and exits 0 when the binary is there', async () => {
    const result = runCheck({ BERTH_ELECTRON_DIR: await fakeElectron('installed') });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('asks for npm install when the electron package itself is absent', () => {
    const result = runCheck({ BERTH_ELECTRON_DIR: path.join(os.tmpdir(), 'berth-no-such-electron') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the electron package is not installed');
    expect(result.stderr).toContain('Run `npm install`');
  });

  it('npm start stops before the build, within seconds, with the same message', async () => {
    const started = Date.now();
    const result = spawnSync('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, BERTH_ELECTRON_DIR: await fakeElectron('no-path-txt') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stdout + result.stderr).not.toContain('building');
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
  });
});
