/**
 * The Disk page's "Clean up": one plan across stopped containers, unused images, build cache and (only when chosen)
 * unused volumes, confirmed once. Containers, images and build cache go through PruneService (exactly what it listed);
 * volumes through the volume page's prune (only the dangling volumes listed, with the typed confirmation).
 */
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import {
  cleanupConfirmation,
  CleanupSelectionSchema,
  PruneScopeSchema,
  type CleanupKind,
  type CleanupPlan,
  type CleanupResult,
  type CleanupSection,
  type CleanupSelectionRequest,
  type PruneKind,
} from '@shared/schemas/disk';
import type { HelperPool } from '../volumes/helper-pool';
import { listVolumes } from '../volumes/list-volumes';
import { pruneVolumes } from '../volumes/prune-volumes';
import { readDf } from './engine-df';
import { matchesLabels, PruneService } from './prune';

const PLAN_TTL_MS = 10 * 60_000;

interface StoredPlan {
  plan: CleanupPlan;
  /** PruneService's token for each engine kind in the plan. */
  pruneTokens: Array<{ kind: PruneKind; token: string }>;
}

export class DiskCleanup {
  private readonly prune: PruneService;
  private readonly plans = new Map<string, StoredPlan>();

  constructor(
    private readonly docker: Docker,
    private readonly helpers: HelperPool,
    private readonly now: () => number = Date.now,
  ) {
    this.prune = new PruneService(docker, now);
  }

  async plan(request: CleanupSelectionRequest): Promise<CleanupPlan> {
    const selection = CleanupSelectionSchema.parse(request);
    const wanted: Array<{ kind: PruneKind; all?: boolean }> = [
      ...(selection.containers ? [{ kind: 'containers' as const }] : []),
      ...(selection.images !== 'none' ? [{ kind: 'images' as const, all: selection.images === 'unused' }] : []),
      ...(selection.buildCache ? [{ kind: 'build-cache' as const }] : []),
    ];
    const prunePlans = await Promise.all(
      wanted.map(({ kind, all }) => this.prune.plan(kind, { all, labels: selection.labels })),
    );
    const sections: CleanupSection[] = prunePlans.map((plan) => ({
      kind: plan.kind,
      items: plan.items,
      reclaimableBytes: plan.reclaimableBytes,
    }));
    if (selection.volumes) sections.push(await this.volumeSection(selection.labels));
    const plan: CleanupPlan = {
      token: randomUUID(),
      sections,
      itemCount: sections.reduce((sum, section) => sum + section.items.length, 0),
      reclaimableBytes: sections.reduce((sum, section) => sum + section.reclaimableBytes, 0),
      expiresAt: this.now() + PLAN_TTL_MS,
    };
    this.forgetExpired();
    this.plans.set(plan.token, {
      plan,
      pruneTokens: prunePlans.map((pruned) => ({ kind: pruned.kind, token: pruned.token })),
    });
    return plan;
  }

  /** Removes what the plan of `token` listed, kind by kind; a token works once, and only with its confirmation. */
  async execute(token: string, confirmText: string): Promise<CleanupResult> {
    const stored = this.plans.get(token);
    if (!stored || stored.plan.expiresAt < this.now()) {
      this.plans.delete(token);
      throw new BerthError('E_INVALID_INPUT', 'This clean-up is unknown, done already or expired.', {
        fix: 'Open Clean up again to see what would be removed now, then confirm.',
      });
    }
    const expected = cleanupConfirmation(stored.plan);
    if (confirmText !== expected) {
      throw new BerthError('E_INVALID_INPUT', 'Nothing was removed: the confirmation does not match.', {
        fix: `Type "${expected}" exactly to confirm.`,
      });
    }
    this.plans.delete(token);
    const result: CleanupResult = { sections: [], reclaimedBytes: 0 };
    for (const { kind, token: pruneToken } of stored.pruneTokens) {
      const pruned = await this.prune.execute(pruneToken);
      result.sections.push({
        kind,
        removed: pruned.removed,
        skipped: pruned.skipped,
        reclaimedBytes: pruned.reclaimedBytes,
      });
    }
    const volumes = stored.plan.sections.find((section) => section.kind === 'volumes');
    if (volumes && volumes.items.length > 0) result.sections.push(await this.removeVolumes(volumes, confirmText));
    result.reclaimedBytes = result.sections.reduce((sum, section) => sum + section.reclaimedBytes, 0);
    return result;
  }

  /** Volumes no container mounts (Berth's own browsing helpers aside), with their sizes where the engine knows. */
  private async volumeSection(labels: string[]): Promise<CleanupSection> {
    const scope = PruneScopeSchema.parse({ labels });
    const [{ volumes }, df] = await Promise.all([listVolumes(this.docker), readDf(this.docker)]);
    const sizeOf = new Map((df.Volumes ?? []).map((volume) => [volume.Name, Math.max(0, volume.UsageData?.Size ?? 0)]));
    const items = volumes
      .filter((volume) => volume.dangling && matchesLabels(volume.labels, scope))
      .map((volume) => ({ id: volume.name, name: volume.name, sizeBytes: sizeOf.get(volume.name) ?? 0 }));
    return { kind: 'volumes', items, reclaimableBytes: items.reduce((sum, item) => sum + item.sizeBytes, 0) };
  }

  private async removeVolumes(section: CleanupSection, confirmText: string): Promise<CleanupResult['sections'][0]> {
    const names = section.items.map((item) => item.id);
    const pruned = await pruneVolumes(this.docker, this.helpers, names, confirmText);
    const byName = new Map(section.items.map((item) => [item.id, item]));
    const removed = pruned.removed.map((name) => byName.get(name)!);
    return {
      kind: 'volumes' satisfies CleanupKind,
      removed,
      skipped: pruned.skipped.map((skip) => ({ ...byName.get(skip.name)!, reason: skip.reason })),
      reclaimedBytes: removed.reduce((sum, item) => sum + item.sizeBytes, 0),
    };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, stored] of this.plans) if (stored.plan.expiresAt < now) this.plans.delete(token);
  }
}
