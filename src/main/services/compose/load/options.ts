/** What a caller (CLI, IPC) tells the loader. The loader never reads process.env or process.cwd itself. */
import type { ComposeProject, InMemoryComposeFile } from '../model/project';
import type { FileIdentity } from '../util/load-files';

/** A store of earlier loads (`ProjectLoadCache`): what the loader asks of it. */
export interface LoadCache {
  get(options: LoadOptions): Promise<ComposeProject | undefined>;
  set(options: LoadOptions, project: ComposeProject, files: FileIdentity[]): void;
}

export interface LoadOptions {
  /** Directory relative paths on the command line resolve against (the shell's cwd). */
  workingDir: string;
  /** `-f` files in order; empty → COMPOSE_FILE, then the default names searched upwards. */
  files?: string[];
  /** `-p`. */
  projectName?: string;
  /** `--project-directory`; default: the directory of the first file. */
  projectDirectory?: string;
  /** `--env-file` (replaces the default `.env`). */
  envFiles?: string[];
  /** `--profile`; empty → COMPOSE_PROFILES. */
  profiles?: string[];
  /** Services named on the command line: they are enabled along with their profiles. */
  services?: string[];
  /** The shell environment. */
  env: Record<string, string | undefined>;
  /** Called for each warning Compose would print (unset variable, obsolete `version`). */
  onWarning?: (message: string) => void;
  /**
   * Compose files Berth adds after the user's (its own overrides), read from memory: `path` is where the file
   * is (or will be) written, so labels and `config_files` name what the Compose CLI would be given.
   */
  inMemoryFiles?: InMemoryComposeFile[];
  /** Reuse a previous load of the same options while none of the files it read has changed. */
  cache?: LoadCache;
}
