/**
 * Bounds on what one load may read and build, so a hostile or broken file (an alias bomb, a 50 MB file, nesting
 * a thousand levels deep, ranges of 65 535 ports) ends in a clear error in bounded time and memory. Each is far
 * above what real projects use and can be raised with an environment variable of the loading process.
 */
import { BerthError } from '@shared/errors';
import type { ComposeErrorLocation } from '../errors/compose-errors';

export interface LoadLimits {
  /** Bytes of one Compose file. */
  maxFileBytes: number;
  /** Levels of nested maps and lists in one YAML document. */
  maxDepth: number;
  /** Nodes all alias expansions of one YAML document may add. */
  maxAliasNodes: number;
  /** Services of the project. */
  maxServices: number;
  /** Port mappings of the project once ranges are expanded. */
  maxPorts: number;
}

interface LimitSpec {
  variable: string;
  fallback: number;
  /** Deeper than this, parsing itself would run out of stack: the variable cannot go higher. */
  ceiling?: number;
}

const SPECS: Record<keyof LoadLimits, LimitSpec> = {
  maxFileBytes: { variable: 'BERTH_COMPOSE_MAX_FILE_BYTES', fallback: 4 * 1024 * 1024 },
  maxDepth: { variable: 'BERTH_COMPOSE_MAX_DEPTH', fallback: 100, ceiling: 400 },
  maxAliasNodes: { variable: 'BERTH_COMPOSE_MAX_ALIAS_NODES', fallback: 200_000 },
  maxServices: { variable: 'BERTH_COMPOSE_MAX_SERVICES', fallback: 2_000 },
  maxPorts: { variable: 'BERTH_COMPOSE_MAX_PORTS', fallback: 10_000 },
};

export const DEFAULT_LOAD_LIMITS: LoadLimits = limitsFromEnvironment({});

/** The limits, each raised (or lowered) by its variable when that holds a positive integer. */
export function limitsFromEnvironment(env: Record<string, string | undefined>): LoadLimits {
  const limits = {} as LoadLimits;
  for (const [name, spec] of Object.entries(SPECS) as [keyof LoadLimits, LimitSpec][]) {
    const raw = env[spec.variable];
    const parsed = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
    const value = parsed !== undefined && parsed > 0 ? parsed : spec.fallback;
    limits[name] = spec.ceiling === undefined ? value : Math.min(value, spec.ceiling);
  }
  return limits;
}

/** A limit was reached: the message says which; the fix names the variable that raises it. */
export function composeLimitError(
  message: string,
  variable: string,
  limit: number,
  location: ComposeErrorLocation = {},
): BerthError {
  const ceiling = Object.values(SPECS).find((spec) => spec.variable === variable)?.ceiling;
  const raise =
    ceiling !== undefined && limit >= ceiling
      ? `${ceiling} is the most Berth can parse.`
      : `If the file is legitimate, raise the limit: ${variable}=${limit * 4} (now ${limit}).`;
  return new BerthError('E_COMPOSE_INVALID', `${message} (Berth's limit: ${limit}; ${variable} raises it)`, {
    details: { ...location, limit: variable },
    fix: `Check that this is the file you meant to load. ${raise}`,
  });
}
