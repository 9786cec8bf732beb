import { z } from 'zod';
import {
  AcceptHostKeyInputSchema,
  AcceptHostKeyResultSchema,
  AddEngineInputSchema,
  EngineListSchema,
  EngineNameInputSchema,
  EngineTestResultSchema,
  KnownEngineSchema,
  OpenedPortSchema,
  OpenPortInputSchema,
  SwitchEngineResultSchema,
  TestEngineInputSchema,
} from '../schemas/engines';

/** The `engines.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
export const enginesOperations = {
  /** Saved engines, docker contexts, DOCKER_HOST and local sockets, with the current one marked. */
  'engines.list': { input: z.undefined(), output: EngineListSchema },
  /** Saves an engine (not tested here: the dialog tests first). */
  'engines.add': { input: AddEngineInputSchema, output: KnownEngineSchema },
  /** Connects once without switching and says what failed, with the fix (an unknown host key: its fingerprint). */
  'engines.test': { input: TestEngineInputSchema, output: EngineTestResultSchema },
  /** Records an ssh host key in known_hosts, only when the host presents exactly the fingerprint accepted. */
  'engines.acceptHostKey': { input: AcceptHostKeyInputSchema, output: AcceptHostKeyResultSchema },
  'engines.switch': { input: EngineNameInputSchema, output: SwitchEngineResultSchema },
  /** Forgets an engine added in Berth. */
  'engines.remove': { input: EngineNameInputSchema, output: z.object({ removed: z.string() }) },
  /**
   * Opens a port a running container publishes, in the browser: through an ssh tunnel on a free 127.0.0.1 port for
   * an ssh engine (opened on demand, reused while the container runs, closed when it stops or the engine switches).
   */
  'engines.openPort': { input: OpenPortInputSchema, output: OpenedPortSchema },
} as const;
export const enginesStreams = {} as const;
