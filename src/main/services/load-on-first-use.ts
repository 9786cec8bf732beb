import { createRequire } from 'node:module';
import type * as Zod from 'zod';

const nodeRequire = createRequire(__filename);

/**
 * A package required on the first call instead of at start-up, synchronously (for callers that are). For packages
 * that a short `berth` command seldom needs but that cost much of its start-up to load: dockerode (~70 ms here), zod
 * (~30 ms) when no state file needs checking.
 */
export function loadOnFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= nodeRequire(id) as T);
}

/** A value built on the first call (schemas of a lazily loaded package), then kept. */
export function buildOnFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** zod, for the state files a command may never read (saved engines, contexts, GPU pins). */
export const loadZod = loadOnFirstUse<typeof Zod>('zod');
