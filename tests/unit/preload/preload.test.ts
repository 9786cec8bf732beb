import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '@shared/operation-names';

const electron = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; api: Record<string, unknown> }>,
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => electron.exposed.push({ key, api }),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => undefined,
    on: () => undefined,
  },
  webUtils: { getPathForFile: (file: { fakePath: string }) => file.fakePath },
}));

await import('../../../src/preload/index');

describe('preload', () => {
  it('exposes exactly one global, `berth`', () => {
    expect(electron.exposed.map(({ key }) => key)).toEqual(['berth']);
  });

  it('exposes one function per contract operation, grouped by domain, plus streams and pathForFile — nothing else', () => {
    const api = electron.exposed[0]!.api;
    const domains = [...new Set(OPERATION_NAMES.map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...domains, 'pathForFile', 'streams'].sort());
    for (const name of OPERATION_NAMES) {
      const [domain, operation] = name.split('.') as [string, string];
      expect(typeof (api[domain] as Record<string, unknown>)[operation]).toBe('function');
    }
    expect(Object.keys(api.streams as object)).toEqual(['open']);
    // A dropped folder's path comes from Electron's webUtils, never from the page.
    expect((api.pathForFile as (file: unknown) => string)({ fakePath: '/home/me/stack' })).toBe('/home/me/stack');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|process|require/);
  });

  it('forwards calls to the single invoke channel with the operation name', async () => {
    const api = electron.exposed[0]!.api as { engine: { state(): Promise<unknown> } };
    await api.engine.state();
    expect(electron.invoked).toEqual([['berth:invoke', 'engine.state', undefined]]);
  });

  it('builds to one sandbox-compatible CommonJS file that requires nothing but electron', () => {
    const bundle = path.resolve(__dirname, '../../../out/preload/index.js');
    expect(existsSync(bundle), 'run `npm run build` first (npm test does)').toBe(true);
    const source = readFileSync(bundle, 'utf8');
    const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source).not.toMatch(/\bimport\s*[{*\w]/);
    expect(source).not.toContain('zod');
  });
});
