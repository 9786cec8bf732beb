/**
 * `--apply`: the manifests to the current kubeconfig context with server-side apply — first a server-side dry run
 * of every object and a diff against what the cluster has, then the real apply. `@kubernetes/client-node` is loaded
 * only here, on first use.
 */
import { isDeepStrictEqual } from 'node:util';
import { BerthError } from '@shared/errors';
import type { KubeObject } from './kube-object';

export interface ApplyChange {
  kind: string;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  /** Top-level fields of spec/data that the apply changes. */
  changedFields: string[];
}

export interface ApplyResult {
  context: string;
  server: string;
  namespace: string;
  changes: ApplyChange[];
  /** False for a dry run only. */
  applied: boolean;
}

export interface ApplyOptions {
  namespace?: string;
  /** Stop after the server-side dry run and the diff. */
  dryRun?: boolean;
  /** Environment with KUBECONFIG and HOME, as the CLI got it. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const FIELD_MANAGER = 'berth';
const DEFAULT_TIMEOUT_MS = 10_000;

export async function applyManifests(objects: readonly KubeObject[], options: ApplyOptions = {}): Promise<ApplyResult> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  withEnvironment(options.env, () => config.loadFromDefault());
  const cluster = config.getCurrentCluster();
  const contextName = config.getCurrentContext();
  if (!cluster) {
    throw new BerthError(
      'E_ENGINE_UNREACHABLE',
      'No Kubernetes cluster is configured: the kubeconfig has no current context.',
      {
        fix: 'Point KUBECONFIG (or ~/.kube/config) at your cluster and pick a context with `kubectl config use-context`.',
      },
    );
  }
  const namespace = options.namespace ?? config.getContextObject(contextName)?.namespace ?? 'default';
  await withTimeout(config.makeApiClient(k8s.VersionApi).getCode(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS).catch(
    (error: unknown) => {
      throw new BerthError(
        'E_ENGINE_UNREACHABLE',
        `No Kubernetes cluster reachable at ${cluster.server} (context "${contextName}"): ${reasonOf(error)}.`,
        {
          fix: 'Start the cluster or fix the kubeconfig context (`kubectl cluster-info` tells the same), then export with --apply again.',
        },
      );
    },
  );
  const client = k8s.KubernetesObjectApi.makeApiClient(config);
  const namespaced = objects.map((object) => ({ ...object, metadata: { ...object.metadata, namespace } }));
  const changes: ApplyChange[] = [];
  for (const object of namespaced) {
    const existing = await client.read(object as never).catch((error: unknown) => {
      if ((error as { code?: number }).code === 404) return null;
      throw clusterError(error, `Reading ${object.kind} ${object.metadata.name}`);
    });
    const planned = await client
      .patch(object as never, undefined, 'All', FIELD_MANAGER, true, k8s.PatchStrategy.ServerSideApply)
      .catch((error: unknown) => {
        throw clusterError(error, `Dry-running ${object.kind} ${object.metadata.name}`);
      });
    const changedFields = existing
      ? diffFields(existing as unknown as Record<string, unknown>, planned as unknown as Record<string, unknown>)
      : [];
    changes.push({
      kind: object.kind,
      name: object.metadata.name,
      action: existing ? (changedFields.length ? 'update' : 'unchanged') : 'create',
      changedFields,
    });
  }
  if (!options.dryRun) {
    for (const object of namespaced) {
      await client
        .patch(object as never, undefined, undefined, FIELD_MANAGER, true, k8s.PatchStrategy.ServerSideApply)
        .catch((error: unknown) => {
          throw clusterError(error, `Applying ${object.kind} ${object.metadata.name}`);
        });
    }
  }
  return { context: contextName, server: cluster.server, namespace, changes, applied: !options.dryRun };
}

const COMPARED = ['spec', 'data', 'binaryData', 'type'];

function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const field of COMPARED) {
    const a = before[field] as Record<string, unknown> | undefined;
    const b = after[field] as Record<string, unknown> | undefined;
    if (isDeepStrictEqual(a, b)) continue;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
        if (!isDeepStrictEqual(a[key], b[key])) changed.push(`${field}.${key}`);
    } else changed.push(field);
  }
  return changed;
}

/** client-node reads KUBECONFIG and HOME from process.env; the CLI's own environment is used for the load. */
function withEnvironment(env: NodeJS.ProcessEnv | undefined, load: () => void): void {
  if (!env) return load();
  const saved = { KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME };
  const set = (key: 'KUBECONFIG' | 'HOME', value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  set('KUBECONFIG', env.KUBECONFIG);
  set('HOME', env.HOME);
  try {
    load();
  } finally {
    set('KUBECONFIG', saved.KUBECONFIG);
    set('HOME', saved.HOME);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  const nested = (error as { cause?: { code?: string; message?: string } }).cause;
  const cause = nested?.code ?? nested?.message ?? (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return cause && !message.includes(String(cause)) ? `${message} (${cause})` : message;
}

function clusterError(error: unknown, what: string): BerthError {
  const body = (error as { body?: unknown }).body;
  const message = typeof body === 'string' ? (safeJson(body)?.message ?? body) : reasonOf(error);
  return new BerthError('E_ENGINE_ERROR', `${what}: ${message}`, {
    fix: 'Check the message from the Kubernetes API server; fix the Compose file or your access rights, then apply again.',
    cause: error,
  });
}

function safeJson(text: string): { message?: string } | undefined {
  try {
    return JSON.parse(text) as { message?: string };
  } catch {
    return undefined;
  }
}
