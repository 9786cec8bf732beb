import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Zod from 'zod';
import { BerthError } from '@shared/errors';
import { JsonState } from '../files/json-state';
import { buildOnFirstUse, loadZod } from '../load-on-first-use';

/** Names as the docker CLI allows for contexts: a letter or digit, then letters, digits, `.`, `_`, `-`. */
export const ENGINE_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;

/** zod loads when a saved-engines file is there to check: most `berth` commands on the default engine have none. */
const schemas = buildOnFirstUse(() => {
  const { z } = loadZod();
  const savedEngine = z.object({
    name: z.string().regex(ENGINE_NAME_PATTERN),
    /** A docker host address: `ssh://user@host[:port]`, `tcp://host:port`, `unix:///path`. */
    host: z.string().min(1),
    /** For tcp: paths of the client TLS files (any may be absent: a CA alone verifies the server). */
    tls: z
      .object({
        verify: z.boolean(),
        ca: z.string().optional(),
        cert: z.string().optional(),
        key: z.string().optional(),
      })
      .optional(),
    description: z.string().optional(),
    addedAt: z.number(),
  });
  const enginesState = z.object({
    version: z.literal(1),
    /** The engine `berth engines use` picked; absent means the docker CLI's own choice. */
    current: z.string().optional(),
    engines: z.array(savedEngine),
  });
  return { savedEngine, enginesState };
});
export type SavedEngine = Zod.infer<ReturnType<typeof schemas>['savedEngine']>;
export type EnginesState = Zod.infer<ReturnType<typeof schemas>['enginesState']>;

const FILE_NAME = 'engines.json';
const emptyState = (): EnginesState => ({ version: 1, engines: [] });

export function enginesFilePath(stateDir: string): string {
  return join(stateDir, FILE_NAME);
}

/**
 * Reads the saved engines synchronously, for endpoint resolution (which runs before anything else and is
 * synchronous like the docker CLI's). A missing file is no engines; a broken one is an error naming the file.
 */
export function readSavedEnginesSync(stateDir: string): EnginesState {
  const path = enginesFilePath(stateDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new BerthError('E_ENGINE_UNREACHABLE', `Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = schemas().enginesState.safeParse(parsed);
  if (!result.success) {
    throw new BerthError('E_ENGINE_UNREACHABLE', `${path} is not a valid list of Berth engines.`, {
      fix: `Fix or remove ${path} (\`berth engines ls\` rewrites it after a fresh \`berth engines add\`).`,
    });
  }
  return result.data;
}

/** The engines the user added, shared by the app and the CLI: `<state dir>/engines.json`. */
export class SavedEnginesStore {
  private readonly state: JsonState<EnginesState>;

  constructor(stateDir: string) {
    this.state = new JsonState(enginesFilePath(stateDir), schemas().enginesState, emptyState);
  }

  read(): Promise<EnginesState> {
    return this.state.read();
  }

  /** Adds or replaces the engine of that name. */
  save(engine: SavedEngine): Promise<void> {
    schemas().savedEngine.parse(engine);
    return this.state.update((state) => {
      state.engines = [...state.engines.filter((saved) => saved.name !== engine.name), engine];
    });
  }

  /** Removes it (and stops using it when it was current); false when no engine had that name. */
  remove(name: string): Promise<boolean> {
    return this.state.update((state) => {
      const before = state.engines.length;
      state.engines = state.engines.filter((saved) => saved.name !== name);
      if (state.current === name) delete state.current;
      return state.engines.length !== before;
    });
  }

  /** Makes `name` (a saved engine or a docker context) Berth's engine; undefined goes back to the docker CLI's choice. */
  use(name: string | undefined): Promise<void> {
    return this.state.update((state) => {
      if (name === undefined) delete state.current;
      else state.current = name;
    });
  }
}
