/**
 * `berth`'s exit codes. Where `docker compose` (2.26) has a code of its own, Berth returns the same, so scripts
 * written for one work with the other; checked against the real CLI by tests/integration/compose-fidelity.
 * Kept free of imports beyond the error types, so `--help` stays cheap.
 */
import { BerthError } from '@shared/errors';
import { composeFailureOf } from '../services/compose/errors/compose-errors';

export const EXIT_CODES = {
  ok: 0,
  /** Any other failure: the engine refused or is unreachable, a bad `-p` name, an unknown service. */
  failure: 1,
  /** Bad flags or arguments (docker's convention; `docker compose` uses 16). */
  usage: 2,
  /** A Compose file, `extends`/`include` file or service `env_file` does not exist. */
  composeFileNotFound: 14,
  /** YAML that does not parse, a model that fails validation, interpolation or consistency. */
  composeInvalid: 15,
  buildFailed: 17,
  pullFailed: 18,
  /** Cancelled with Ctrl-C (128 + SIGINT). */
  cancelled: 130,
} as const;

/** The exit code for an error a command could not recover from. */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof BerthError)) return EXIT_CODES.failure;
  if (error.code === 'E_CANCELLED') return EXIT_CODES.cancelled;
  switch (composeFailureOf(error)) {
    case 'file-not-found':
      return EXIT_CODES.composeFileNotFound;
    case 'parse':
      return EXIT_CODES.composeInvalid;
    case 'build':
      return EXIT_CODES.buildFailed;
    case 'pull':
      return EXIT_CODES.pullFailed;
    case 'command':
      return EXIT_CODES.failure;
    default:
      return error.code === 'E_COMPOSE_FILE' || error.code === 'E_COMPOSE_INVALID'
        ? EXIT_CODES.composeInvalid
        : EXIT_CODES.failure;
  }
}

/** The `--help` section that lists them. */
export const EXIT_CODES_HELP = `Exit codes (the same as docker compose where it has one):
  0    success                        14   a Compose file, env_file or included file is missing
  1    other failures (engine…)       15   Compose files that don't parse or make an invalid project
  2    bad flags or arguments         17   an image build failed       18   an image pull failed
  130  cancelled with Ctrl-C
`;
