/**
 * Prune in two steps: `plan` lists exactly what would go and how much space that frees, under a token; `execute`
 * with that token removes those items and nothing else (never the engine's prune endpoints, which remove whatever
 * is prunable at that moment). Each item is checked again first: one that started, got a tag or is used now stays.
 */
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import {
  PruneScopeSchema,
  type PruneItem,
  type PruneKind,
  type PrunePlan,
  type PruneResult,
  type PruneScope,
  type PruneScopeRequest,
} from '@shared/schemas/disk';
import { COMPOSE_LABELS } from '../compose/labels';
import { readDf } from './engine-df';

const STOPPED = ['exited', 'created', 'dead'];
const PLAN_TTL_MS = 10 * 60_000;
const NONE_TAG = '<none>:<none>';

interface StoredPlan {
  plan: PrunePlan;
  scope: PruneScope;
}

interface DockerModem {
  dial(options: object, callback: (error: unknown, result: unknown) => void): void;
}

export class PruneService {
  private readonly plans = new Map<string, StoredPlan>();

  constructor(
    private readonly docker: Docker,
    private readonly now: () => number = Date.now,
  ) {}

  async plan(kind: PruneKind, request: PruneScopeRequest = {}): Promise<PrunePlan> {
    const scope = PruneScopeSchema.parse(request);
    const items =
      kind === 'containers'
        ? await this.containerCandidates(scope)
        : kind === 'images'
          ? await this.imageCandidates(scope)
          : await this.buildCacheCandidates(scope);
    this.forgetExpired();
    const plan: PrunePlan = {
      token: randomUUID(),
      kind,
      items,
      reclaimableBytes: items.reduce((sum, item) => sum + item.sizeBytes, 0),
      expiresAt: this.now() + PLAN_TTL_MS,
    };
    this.plans.set(plan.token, { plan, scope });
    return plan;
  }

  /** Removes what the plan of `token` listed; a token works once. */
  async execute(token: string): Promise<PruneResult> {
    const stored = this.plans.get(token);
    this.plans.delete(token);
    if (!stored || stored.plan.expiresAt < this.now()) {
      throw new BerthError('E_INVALID_INPUT', 'This prune confirmation is unknown, used or expired.', {
        fix: 'List what would be removed again (berth prune … --dry-run, or the Disk page), then confirm.',
      });
    }
    const { plan, scope } = stored;
    const result: PruneResult = { kind: plan.kind, removed: [], skipped: [], reclaimedBytes: 0 };
    const stillEligible = await this.eligibility(plan.kind, scope);
    for (const item of plan.items) {
      const reason = stillEligible(item);
      if (reason) {
        result.skipped.push({ ...item, reason });
        continue;
      }
      try {
        result.reclaimedBytes += await this.remove(plan.kind, item);
        result.removed.push(item);
      } catch (error) {
        const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
        result.skipped.push({ ...item, reason: message });
      }
    }
    return result;
  }

  private async containerCandidates(scope: PruneScope): Promise<PruneItem[]> {
    const listed = await this.docker.listContainers({
      all: true,
      size: true,
      filters: { status: STOPPED, ...labelFilter(scope) },
    });
    return listed.map((container) => ({
      id: container.Id,
      name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
      sizeBytes: Math.max(0, (container as { SizeRw?: number }).SizeRw ?? 0),
    }));
  }

  /** Unused images (dangling ones, or all unused with `scope.all`), sized by what they alone hold. */
  private async imageCandidates(scope: PruneScope): Promise<PruneItem[]> {
    const df = await readDf(this.docker);
    const parents = new Set((df.Images ?? []).map((image) => image.ParentId).filter(Boolean));
    return (df.Images ?? [])
      .filter((image) => (image.Containers ?? 0) <= 0 && matchesLabels(image.Labels ?? {}, scope))
      .filter((image) => {
        const tags = (image.RepoTags ?? []).filter((tag) => tag !== NONE_TAG);
        if (tags.length > 0) return scope.all;
        return !parents.has(image.Id);
      })
      .map((image) => {
        const tags = (image.RepoTags ?? []).filter((tag) => tag !== NONE_TAG);
        const unique = (image.Size ?? 0) - Math.max(0, image.SharedSize ?? 0);
        return {
          id: image.Id,
          name: tags.length > 0 ? tags.join(', ') : `<none> (${image.Id.replace(/^sha256:/, '').slice(0, 12)})`,
          sizeBytes: Math.max(0, unique),
        };
      });
  }

  /** Build cache records not in use (what `docker builder prune -a` removes), optionally by description. */
  private async buildCacheCandidates(scope: PruneScope): Promise<PruneItem[]> {
    const df = await readDf(this.docker);
    return (df.BuildCache ?? [])
      .filter((record) => !record.InUse)
      .filter((record) => !scope.description || (record.Description ?? '').includes(scope.description))
      .map((record) => ({
        id: record.ID,
        name: record.Description || record.Type || record.ID,
        sizeBytes: Math.max(0, record.Size ?? 0),
      }));
  }

  /** For each listed item, why it must now stay (null: it may go), from the engine's state right now. */
  private async eligibility(kind: PruneKind, scope: PruneScope): Promise<(item: PruneItem) => string | null> {
    const current = new Set(
      kind === 'containers'
        ? await this.docker
            .listContainers({ all: true, filters: { status: STOPPED, ...labelFilter(scope) } })
            .then((list) => list.map((container) => container.Id))
        : kind === 'images'
          ? await this.imageCandidates(scope).then((list) => list.map((item) => item.id))
          : await this.buildCacheCandidates(scope).then((list) => list.map((item) => item.id)),
    );
    const why =
      kind === 'containers'
        ? 'it is running again, or was removed'
        : kind === 'images'
          ? 'it is in use or tagged now, or was removed'
          : 'it is in use now, or was removed';
    return (item) => (current.has(item.id) ? null : why);
  }

  /** Removes one item; resolves with the bytes it freed. */
  private async remove(kind: PruneKind, item: PruneItem): Promise<number> {
    if (kind === 'containers') {
      await this.docker.getContainer(item.id).remove({ v: false });
      return item.sizeBytes;
    }
    if (kind === 'images') {
      // noprune: its untagged parents were not listed, so they stay.
      await this.docker.getImage(item.id).remove({ noprune: true });
      return item.sizeBytes;
    }
    const answer = (await this.dial({
      path: '/build/prune?',
      method: 'POST',
      statusCodes: { 200: true, 500: 'server error' },
      // `all`: shared records too (those an image also uses), as `docker builder prune -a`; `id`: only this one.
      options: { all: true, filters: JSON.stringify({ id: [item.id] }) },
    })) as { SpaceReclaimed?: number; CachesDeleted?: string[] | null };
    if (!answer?.CachesDeleted?.includes(item.id)) {
      throw new Error('the builder kept it (other build cache still refers to it)');
    }
    return answer.SpaceReclaimed ?? 0;
  }

  private dial(options: object): Promise<unknown> {
    const modem = this.docker.modem as DockerModem;
    return new Promise((resolve, reject) =>
      modem.dial(options, (error, result) => (error ? reject(error) : resolve(result))),
    );
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, stored] of this.plans) if (stored.plan.expiresAt < now) this.plans.delete(token);
  }
}

function scopeLabels(scope: PruneScope): string[] {
  return [...scope.labels, ...(scope.project ? [`${COMPOSE_LABELS.project}=${scope.project}`] : [])];
}

function labelFilter(scope: PruneScope): { label?: string[] } {
  const labels = scopeLabels(scope);
  return labels.length > 0 ? { label: labels } : {};
}

/** Whether an object's labels have every label of the scope (`key` or `key=value`). */
export function matchesLabels(labels: Record<string, string>, scope: PruneScope): boolean {
  return scopeLabels(scope).every((wanted) => {
    const [key, ...rest] = wanted.split('=');
    return rest.length === 0 ? key! in labels : labels[key!] === rest.join('=');
  });
}
