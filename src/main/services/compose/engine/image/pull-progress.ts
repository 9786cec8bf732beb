/** Folds the engine's pull stream (one JSON object per layer update) into per-layer bytes and an overall percent. */
import type { LayerProgress } from '@shared/schemas/compose-progress';

export interface PullMessage {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

const DONE_STATUSES = new Set(['Pull complete', 'Already exists', 'Download complete']);

export class PullProgress {
  private readonly layers = new Map<string, LayerProgress>();

  /** Applies one message; returns false for messages that are not about a layer (digest, "Status: …"). */
  update(message: PullMessage): boolean {
    if (!message.id || !message.status || message.status.startsWith('Pulling from')) return false;
    if (/^(Digest|Status):/.test(message.status)) return false;
    const previous = this.layers.get(message.id);
    const detail = message.progressDetail ?? {};
    const total = detail.total ?? previous?.total;
    const current = DONE_STATUSES.has(message.status)
      ? total
      : message.status === 'Downloading'
        ? detail.current
        : previous?.current;
    this.layers.set(message.id, {
      id: message.id,
      status: message.status,
      ...(current !== undefined ? { current } : {}),
      ...(total !== undefined ? { total } : {}),
    });
    return true;
  }

  snapshot(): LayerProgress[] {
    return [...this.layers.values()].map((layer) => ({ ...layer }));
  }

  /** Downloaded bytes over known bytes; layers without a size count as done once they say so. */
  percent(): number {
    const layers = [...this.layers.values()];
    if (layers.length === 0) return 0;
    const total = layers.reduce((sum, layer) => sum + (layer.total ?? 0), 0);
    if (total === 0) return layers.every((layer) => DONE_STATUSES.has(layer.status)) ? 100 : 0;
    const current = layers.reduce((sum, layer) => sum + Math.min(layer.current ?? 0, layer.total ?? 0), 0);
    return Math.min(100, Math.round((current / total) * 1000) / 10);
  }
}
