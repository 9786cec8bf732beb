/**
 * `cluster.exportKubernetes` as the app calls it (through the contract's schemas): the manifests of a project go to
 * the folder the user picks, byte for byte the golden ones, with every unmapped setting reported; a cancelled pick
 * writes nothing, and a project that doesn't load fails before any folder is asked for.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectRef } from '@shared/schemas/projects';
import { clusterHandlers } from '../../../src/main/handlers/cluster';
import { HEADLESS_DESKTOP, type Desktop } from '../../../src/main/handlers/desktop';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import type { BerthServices } from '../../../src/main/services/create-services';
import { loadDir } from '../../support/swarm/stack-fixtures';

const MLFLOW = resolve(__dirname, '../../fixtures/kubernetes/mlflow');
const scratch = mkdtempSync(join(tmpdir(), 'berth-cluster-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The handlers with a catalog that loads the folder named, and a desktop that answers `picked`. */
function exportWith(picked: string | null) {
  const asked: string[] = [];
  const desktop: Desktop = {
    ...HEADLESS_DESKTOP,
    pickFolder: async (purpose) => {
      asked.push(purpose);
      return picked;
    },
  };
  const services = {
    catalog: { load: (ref: ProjectRef) => loadDir('directory' in ref ? ref.directory : '/nonexistent') },
  } as unknown as BerthServices;
  const operations = clusterHandlers(services, desktop).operations as OperationHandlers;
  return {
    asked,
    run: (directory: string) => dispatch(operations, 'cluster.exportKubernetes', { project: { directory } }),
  };
}

describe('cluster.exportKubernetes', () => {
  it('writes the golden manifests to the picked folder and reports what it could not map', async () => {
    const out = join(scratch, 'picked');
    const { asked, run } = exportWith(out);
    const result = await run(MLFLOW);
    expect(asked).toEqual(['create']);
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { files: string[]; findings: unknown; manifests: number; directory: string };
    expect(value).toMatchObject({ project: 'mlflow', directory: out, manifests: 13 });
    expect(value.findings).toEqual(JSON.parse(readFileSync(join(MLFLOW, 'expected-findings.json'), 'utf8')));
    expect(value.files).toHaveLength(13);
    expect(readdirSync(out).sort()).toEqual(value.files.map((file) => file.slice(out.length + 1)).sort());
    const written = value.files.map((file) => `---\n${readFileSync(file, 'utf8')}`).join('');
    expect(written).toBe(readFileSync(join(MLFLOW, 'expected.yaml'), 'utf8'));
    expect(statSync(join(out, 'postgres-env-secret.yaml')).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the folder choice is cancelled, and still says what the export holds', async () => {
    const { run } = exportWith(null);
    expect(await run(MLFLOW)).toMatchObject({
      ok: true,
      value: { project: 'mlflow', directory: null, files: [], manifests: 13 },
    });
  });

  it('fails on a project that does not load, before any folder is asked for', async () => {
    const broken = mkdtempSync(join(scratch, 'broken-'));
    writeFileSync(join(broken, 'compose.yaml'), 'services:\n  web:\n    image: [not, a, string]\n');
    const out = join(scratch, 'never');
    const { asked, run } = exportWith(out);
    const result = await run(broken);
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^E_COMPOSE/) } });
    expect(asked).toEqual([]);
    expect(() => readdirSync(out)).toThrow();
  });

  it('refuses a relative project folder as invalid input', async () => {
    const { asked, run } = exportWith(scratch);
    expect(await run('relative/path')).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(asked).toEqual([]);
  });
});
