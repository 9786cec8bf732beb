/**
 * Entry point of the Compose loader: files + environment → ComposeProject, as `docker compose config` does.
 * Asynchronous (no file is read on the caller's thread), bounded (util/load-limits.ts), and with a cache a
 * long-lived caller can pass, so loading an unchanged project again reads nothing but file metadata.
 * Every failure is a BerthError (E_COMPOSE_FILE or E_COMPOSE_INVALID); nothing else escapes.
 */
import { BerthError } from '@shared/errors';
import { composeInvalidError } from '../errors/compose-errors';
import type { ComposeProject } from '../model/project';
import { composeLimitError, limitsFromEnvironment } from '../util/load-limits';
import { loadProjectUncached } from './load-project';
import type { LoadOptions } from './options';

export type { LoadOptions } from './options';
export type { ComposeModel, ComposeProject, InMemoryComposeFile } from '../model/project';
export type { ComposeService } from '../model/service';
export { ProjectLoadCache } from './project-cache';

export async function loadProject(options: LoadOptions): Promise<ComposeProject> {
  try {
    const cached = await options.cache?.get(options);
    if (cached !== undefined) {
      for (const warning of cached.warnings) options.onWarning?.(warning);
      return cached;
    }
    const { project, files } = await loadProjectUncached(options);
    options.cache?.set(options, project, files.identities());
    return project;
  } catch (error) {
    if (error instanceof BerthError) throw error;
    if (error instanceof RangeError) {
      // Data nested within the depth limit can still exhaust a small stack: report the limit, not the overflow.
      const { maxDepth } = limitsFromEnvironment(options.env);
      throw composeLimitError('the Compose files nest too deeply to load', 'BERTH_COMPOSE_MAX_DEPTH', maxDepth);
    }
    throw composeInvalidError(`failed to load the Compose project: ${(error as Error).message}`, {}, error);
  }
}
