import { z } from 'zod';
import { EndpointSchema, EngineInfoSchema, EngineStateSchema } from './engine';

/** As the docker CLI allows for contexts: a letter or digit, then letters, digits, `.`, `_`, `+`, `-`. */
export const EngineNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the engine a name.')
  .max(64, 'Names are at most 64 characters.')
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/,
    'Use letters, digits, ".", "_", "+" or "-", starting with a letter or digit.',
  );

function hasControlCharacters(value: string): boolean {
  return [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

/** A name from `engines.list` (a socket's name, e.g. `Podman socket (rootless)`, has spaces); main looks it up. */
export const ListedEngineNameSchema = z
  .string()
  .trim()
  .min(1, 'Name an engine from the list.')
  .max(200)
  .refine((value) => !hasControlCharacters(value), 'Engine names have no control characters.');

/** `ssh://user@host[:port]`, `tcp://host:port`, `unix:///path`; main parses it and names what is wrong. */
export const EngineAddressSchema = z
  .string()
  .trim()
  .min(1, 'Give the engine address, e.g. ssh://user@gpu-box.')
  .max(2048)
  .refine(
    (value) => !/\s/.test(value) && !hasControlCharacters(value),
    'The address may not contain spaces or control characters.',
  );

/** A folder holding `ca.pem`, `cert.pem`, `key.pem` (tcp engines only; a CA alone verifies the server). */
const TlsDirSchema = z.string().trim().min(1).max(4096);

export const KnownEngineSchema = z.object({
  name: z.string(),
  address: z.string(),
  kind: EndpointSchema.shape.kind,
  origin: z.enum(['docker-context', 'environment', 'socket', 'berth']),
  /** e.g. `docker context`, `DOCKER_HOST`, `Podman socket (rootless)`, `added in Berth`. */
  detail: z.string(),
  /** The engine the app uses now. */
  current: z.boolean(),
  /** Runs on this machine (unix socket, loopback tcp): bind mounts, GPUs and ports are this machine's. */
  local: z.boolean(),
  /** Added in Berth: `engines.remove` forgets it (docker contexts are removed with `docker context rm`). */
  removable: z.boolean(),
  /** The last test or switch in this session: null when Berth has not tried it. */
  lastCheck: z.object({ ok: z.boolean(), message: z.string(), at: z.number() }).nullable(),
});
export type KnownEngineView = z.infer<typeof KnownEngineSchema>;

export const EngineListSchema = z.object({
  engines: z.array(KnownEngineSchema),
  /** The connection to the current engine. */
  state: EngineStateSchema,
});
export type EngineList = z.infer<typeof EngineListSchema>;

const NewEngineFields = {
  address: EngineAddressSchema,
  tlsDir: TlsDirSchema.optional(),
  /** With `tlsDir`: false encrypts without verifying the server (the docker CLI's `--tls`). Default true. */
  tlsVerify: z.boolean().optional(),
};

export const AddEngineInputSchema = z
  .object({ name: EngineNameSchema, ...NewEngineFields, description: z.string().trim().max(200).optional() })
  .strict();
export type AddEngineInput = z.infer<typeof AddEngineInputSchema>;

/** Tests a listed engine by name, or an address not saved yet (the Add engine dialog). */
export const TestEngineInputSchema = z.union([
  z.object({ name: ListedEngineNameSchema }).strict(),
  z.object(NewEngineFields).strict(),
]);
export type TestEngineInput = z.infer<typeof TestEngineInputSchema>;

export const HostKeySchema = z.object({
  /** e.g. `[gpu-box]:2222` */
  host: z.string(),
  keyType: z.string(),
  /** `SHA256:…`, as OpenSSH prints it. */
  fingerprint: z.string(),
});

export const EngineTestResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    endpoint: EndpointSchema,
    info: EngineInfoSchema,
    /** What `/info` says about GPUs: the NVIDIA runtime and the CDI devices it discovered. */
    gpus: z.object({ nvidiaRuntime: z.boolean(), runtimes: z.array(z.string()), cdiDevices: z.array(z.string()) }),
    /** Works, but deserves a word: clock skew, Podman differences. */
    notes: z.array(z.string()),
    elapsedMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    endpoint: EndpointSchema,
    reason: z.string(),
    fix: z.string(),
    /** e.g. `host-key-unknown`, `host-key-changed`, `ssh-auth`, `docker-missing`, `tls-ca-mismatch`. */
    failureKind: z.string().optional(),
    /** For `host-key-unknown`: the key to confirm with `engines.acceptHostKey`. */
    hostKey: HostKeySchema.optional(),
    elapsedMs: z.number(),
  }),
]);
export type EngineTestResultView = z.infer<typeof EngineTestResultSchema>;

export const AcceptHostKeyInputSchema = z
  .object({
    address: EngineAddressSchema,
    /** The fingerprint the user compared and accepted; the host must present exactly this key. */
    fingerprint: z
      .string()
      .trim()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'A fingerprint looks like SHA256: followed by 43 base64 characters.'),
  })
  .strict();

export const AcceptHostKeyResultSchema = z.object({
  /** The known_hosts file that now holds the key. */
  knownHostsFile: z.string(),
  /** The connection test run again with the key trusted. */
  result: EngineTestResultSchema,
});

export const EngineNameInputSchema = z.object({ name: ListedEngineNameSchema }).strict();

export const SwitchEngineResultSchema = z.object({
  state: EngineStateSchema,
  /** Saved as Berth's engine for the next start and the CLI (only when it connected and can be named). */
  remembered: z.boolean(),
});

/** A port a running container publishes on the engine's host, to open from this machine. */
export const OpenPortInputSchema = z
  .object({
    /** The container that publishes it; without it, whichever running container publishes `port`. */
    containerId: z
      .string()
      .trim()
      .regex(/^[a-f0-9]{12,64}$/, 'A container ID is 12 to 64 lowercase hex digits.')
      .optional(),
    /** The published port on the engine's host (`hostPort`, the left side of `8888:8888`). */
    port: z.number().int().min(1, 'Ports are 1 to 65535.').max(65535, 'Ports are 1 to 65535.'),
    /** tcp unless said. */
    protocol: z.enum(['tcp', 'udp', 'sctp']).optional(),
    /** Path and query to open, e.g. `/lab?token=…` for Jupyter. */
    path: z
      .string()
      .max(4096)
      .regex(/^\/[^\s]*$/, 'The path starts with "/" and has no spaces.')
      .refine((value) => !hasControlCharacters(value), 'The path has no control characters.')
      .optional(),
  })
  .strict();
export type OpenPortInput = z.infer<typeof OpenPortInputSchema>;

export const OpenPortResultSchema = z.object({
  /** The URL that reaches the port from this machine (`http://127.0.0.1:53211/…` through a tunnel). */
  url: z.string(),
  /** Where the link goes when tunnelled: `gpu-box:8888 → localhost:53211`; null for a direct link. */
  mapping: z.string().nullable(),
  via: z.enum(['tunnel', 'direct']),
});
export type OpenPortResult = z.infer<typeof OpenPortResultSchema>;

/** `engines.openPort`'s answer: the route, and whether the browser was asked to open it. */
export const OpenedPortSchema = OpenPortResultSchema.extend({ opened: z.boolean() });
