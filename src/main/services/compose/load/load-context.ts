/** What every pass of one load shares: variable lookup, warnings, the files read, positions of parsed files. */
import type { LoadFiles } from '../util/load-files';
import type { LoadLimits } from '../util/load-limits';
import type { ParsedDocument } from '../yaml/parse-yaml';

export interface LoadContext {
  /** Variables for interpolation (shell over env files, plus COMPOSE_PROJECT_NAME). */
  environment: Record<string, string>;
  /** The user's home, for `~` in paths. */
  home?: string;
  warn(message: string): void;
  /** Parsed documents by file, so validation errors can point at a line. */
  documents: Map<string, ParsedDocument[]>;
  /** Every file the load reads goes through here. */
  files: LoadFiles;
  limits: LoadLimits;
}

export interface ModelOptions {
  /** Directory relative paths resolve against. */
  workingDir: string;
  /** Files already on the include chain (cycle detection). */
  included: string[];
  skipExtends?: boolean;
  skipInclude?: boolean;
  skipValidation?: boolean;
}
