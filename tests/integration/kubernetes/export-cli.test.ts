/** `berth export kubernetes` as a user runs it (the built CLI, spawned): files, stdout, --apply and usage errors. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runBerth } from '../../support/spawn-berth';

const MLFLOW = resolve(__dirname, '../../fixtures/kubernetes/mlflow');
const scratch = mkdtempSync(join(tmpdir(), 'berth-h4-export-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A kubeconfig whose cluster is a loopback port nothing listens on. */
async function unreachableKubeconfig(): Promise<string> {
  const port = await new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => done(free));
    });
  });
  const path = join(scratch, 'kubeconfig');
  writeFileSync(
    path,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster: {server: "https://127.0.0.1:${port}"}\ncontexts:\n- name: gone\n  context: {cluster: gone, user: nobody}\ncurrent-context: gone\nusers:\n- name: nobody\n  user: {token: not-a-token}\n`,
  );
  return path;
}

describe('berth export kubernetes (spawned)', () => {
  it('writes one validated manifest file per object, Secrets readable by their owner only', async () => {
    const out = join(scratch, 'manifests');
    const run = await runBerth(['export', 'kubernetes', '-o', out], { cwd: MLFLOW, exitWithinMs: 30_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote 13 manifests to ${out}\n`);
    expect(run.stderr).toContain('NOT MAPPED service "mlflow": depends_on:');
    const files = readdirSync(out).sort();
    expect(files).toContain('mlflow-deployment.yaml');
    expect(files).toContain('postgres-statefulset.yaml');
    expect(statSync(join(out, 'postgres-env-secret.yaml')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'mlflow-deployment.yaml'), 'utf8')).toBe(
      readFileSync(join(MLFLOW, 'expected.yaml'), 'utf8')
        .split('---\n')
        .find((document) => document.includes('kind: Deployment\nmetadata:\n  name: mlflow\n')),
    );
  });

  it('prints the manifests to stdout, the same bytes each run', async () => {
    const [first, second] = await Promise.all([
      runBerth(['export', 'kubernetes'], { cwd: MLFLOW, exitWithinMs: 30_000 }),
      runBerth(['-f', join(MLFLOW, 'compose.yaml'), 'export', 'kubernetes'], { exitWithinMs: 30_000 }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stdout).toBe(readFileSync(join(MLFLOW, 'expected.yaml'), 'utf8'));
    expect(second.stdout).toBe(first.stdout);
    expect(parseAllDocuments(first.stdout).map((document) => document.get('kind'))).toHaveLength(13);
  });

  it('--apply: says no cluster is reachable, and exits 1', async () => {
    const kubeconfig = await unreachableKubeconfig();
    const run = await runBerth(['export', 'kubernetes', '--apply'], {
      cwd: MLFLOW,
      env: { ...process.env, KUBECONFIG: kubeconfig },
      exitWithinMs: 30_000,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /berth export: No Kubernetes cluster reachable at https:\/\/127\.0\.0\.1:\d+ \(context "gone"\)/,
    );
    expect(run.stderr).toContain('Fix: Start the cluster or fix the kubeconfig context');
  });

  it('exits 2 on usage errors and 14 without a Compose file', async () => {
    expect((await runBerth(['export'], { cwd: MLFLOW })).code).toBe(2);
    expect((await runBerth(['export', 'helm'], { cwd: MLFLOW })).code).toBe(2);
    expect((await runBerth(['export', 'kubernetes', '--dry-run'], { cwd: MLFLOW })).code).toBe(2);
    const empty = mkdtempSync(join(scratch, 'empty-'));
    expect((await runBerth(['export', 'kubernetes'], { cwd: empty })).code).toBe(14);
  });
});
