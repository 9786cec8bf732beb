/**
 * The engine's error texts (create, start, pull) in words a person can act on: what went wrong, with the address,
 * port, image, registry or path pulled out of the raw text, and what to do. Pure: the caller adds what it knows
 * (which service and file, which container holds a port) and keeps the raw text for a "details" section.
 */

export type EngineErrorKind =
  | 'port-in-use'
  | 'registry-unreachable'
  | 'image-missing'
  | 'tag-missing'
  | 'pull-denied'
  | 'mount-source-missing'
  | 'mount-failed'
  | 'command-not-found'
  | 'command-not-executable'
  | 'name-conflict'
  | 'disk-full'
  | 'gpu-unavailable'
  | 'network-missing'
  | 'unknown';

export interface EngineErrorContext {
  /** The compose service the operation was for. */
  service?: string;
  /** The compose file that declares it (shown as where to change it). */
  composeFile?: string;
  /** A container that publishes the clashing port, when Docker owns it (see `findPortHolder`). */
  portHolder?: string | null;
}

export interface EngineErrorText {
  kind: EngineErrorKind;
  /** What happened, one sentence. */
  message: string;
  /** What to do. */
  fix: string;
  /** The engine's own text, for a "details" disclosure. */
  details: string;
  port?: { hostIp: string; port: number; protocol: 'tcp' | 'udp' };
  registry?: string;
  image?: string;
  path?: string;
  command?: string;
}

/** The text of an engine error: the API's JSON message when there is one, else the error's message. */
export function rawEngineMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  const json = (error as { json?: { message?: unknown } } | null)?.json;
  if (json && typeof json.message === 'string') return json.message;
  return error instanceof Error ? error.message : String(error);
}

type Explainer = (
  match: RegExpMatchArray,
  context: EngineErrorContext,
  raw: string,
) => Omit<EngineErrorText, 'details'>;

const where = (context: EngineErrorContext, key: string) =>
  `${context.composeFile ? `${context.composeFile} ` : 'the Compose file '}(\`${key}\`${context.service ? ` of ${context.service}` : ''})`;

const RULES: Array<[RegExp, Explainer]> = [
  [
    // userland proxy: `listen tcp4 127.0.0.1:18765: bind: address already in use`; podman: `listen tcp 0.0.0.0:80: …`
    /listen (tcp|udp)[46]? \[?([^\s\]]*?)\]?:(\d+): bind: address already in use/,
    (m, context) => portInUse(m[2] || '0.0.0.0', Number(m[3]), m[1] as 'tcp' | 'udp', context),
  ],
  [
    // the engine's own allocator: `Bind for 0.0.0.0:8080 failed: port is already allocated`
    /Bind for \[?([^\s\]]*?)\]?:(\d+) failed: port is already allocated/,
    (m, context) => portInUse(m[1] || '0.0.0.0', Number(m[2]), 'tcp', context),
  ],
  [
    /No such image: (\S+)/,
    (m) => ({
      kind: 'image-missing',
      image: m[1],
      message: `The image ${m[1]} is not on this engine.`,
      fix: 'Pull it (berth pull) or build it (berth build); if it should exist, check its name and tag.',
    }),
  ],
  [
    /manifest for (\S+) not found|manifest unknown/,
    (m) => ({
      kind: 'tag-missing',
      ...(m[1] ? { image: m[1] } : {}),
      message: `The registry has no ${m[1] ? `image ${m[1]}` : 'such tag'}.`,
      fix: 'Check the tag in the `image:` of the service; the registry lists the tags it has.',
    }),
  ],
  [
    /pull access denied for ([^,\s]+)|unauthorized|authentication required|denied: requested access/,
    (m) => ({
      kind: 'pull-denied',
      ...(m[1] ? { image: m[1] } : {}),
      message: `The registry refused to give ${m[1] ?? 'the image'}: it does not exist, or it needs a login.`,
      fix: 'Check the image name; for a private image run `docker login <registry>` (Berth uses the same credentials).',
    }),
  ],
  [
    /(?:https?:\/\/([^/"\s]+)|lookup ([^\s:]+))[\s\S]*?(no such host|server misbehaving|Temporary failure in name resolution|connection refused|i\/o timeout|TLS handshake timeout|Client\.Timeout|context deadline exceeded|network is unreachable|proxyconnect|x509:)/,
    (m) => registryUnreachable(registryName(m[1] ?? m[2] ?? 'the registry'), m[3] ?? ''),
  ],
  [
    /bind source path does not exist: (\S+)/,
    (m, context) => ({
      kind: 'mount-source-missing',
      path: m[1],
      message: `The folder or file ${m[1]} to mount does not exist on the engine's host.`,
      fix: `Create it, or fix the path in ${where(context, 'volumes:')}; relative paths start at the project folder.`,
    }),
  ],
  [
    /error while creating mount source path '([^']+)': (.+)$|(not a directory): Are you trying to mount a directory onto a file/m,
    (m, context) => ({
      kind: 'mount-failed',
      ...(m[1] ? { path: m[1] } : {}),
      message: m[3]
        ? 'A mount puts a folder onto a file (or a file onto a folder) inside the container.'
        : `The engine could not create ${m[1]} to mount it: ${m[2]}.`,
      fix: `Check the source and target of each mount in ${where(context, 'volumes:')}.`,
    }),
  ],
  [
    /exec: "([^"]+)": executable file not found in \$PATH|exec: "([^"]+)": stat \S+: no such file or directory/,
    (m, context) => ({
      kind: 'command-not-found',
      command: m[1] ?? m[2],
      message: `The command "${m[1] ?? m[2]}" does not exist in the image.`,
      fix: `Check \`command:\`/\`entrypoint:\` in ${where(context, 'command:')}, or use an image that has it.`,
    }),
  ],
  [
    /exec: "([^"]+)": permission denied/,
    (m) => ({
      kind: 'command-not-executable',
      command: m[1],
      message: `The command "${m[1]}" is not executable.`,
      fix: `Make it executable in the image (chmod +x ${m[1]}) or run it through a shell (sh ${m[1]}).`,
    }),
  ],
  [
    /The container name "\/?([^"]+)" is already in use by container "([0-9a-f]+)"/,
    (m) => ({
      kind: 'name-conflict',
      message: `A container named ${m[1]} already exists (${m[2]!.slice(0, 12)}).`,
      fix: `Remove or rename it (docker rm ${m[1]}), or give the service another container_name.`,
    }),
  ],
  [
    /no space left on device/,
    () => ({
      kind: 'disk-full',
      message: "The engine's disk is full.",
      fix: 'See what takes the space with `berth df`, then free some with `berth prune build-cache|images|containers`.',
    }),
  ],
  [
    /could not select device driver "[^"]*" with capabilities: \[\[gpu\]\]|unknown or invalid runtime name: nvidia/,
    () => ({
      kind: 'gpu-unavailable',
      message: 'This engine cannot give containers GPUs (no NVIDIA Container Toolkit, or no GPU).',
      fix: 'Run the project without GPUs (berth up --without-gpu), or see `berth gpus` for how to enable them.',
    }),
  ],
  [
    /network (\S+) not found/,
    (m) => ({
      kind: 'network-missing',
      message: `The network ${m[1]} does not exist any more.`,
      fix: 'Recreate the project (berth up --force-recreate) so its containers join the networks it has now.',
    }),
  ],
];

export function explainEngineError(error: unknown, context: EngineErrorContext = {}): EngineErrorText {
  const raw = rawEngineMessage(error).trim();
  for (const [pattern, explain] of RULES) {
    const match = raw.match(pattern);
    if (match) return { ...explain(match, context, raw), details: raw };
  }
  return {
    kind: 'unknown',
    message: withoutLongIds(raw),
    fix: 'The Docker engine reported this error; the details show its full text.',
    details: raw,
  };
}

function portInUse(
  hostIp: string,
  port: number,
  protocol: 'tcp' | 'udp',
  context: EngineErrorContext,
): Omit<EngineErrorText, 'details'> {
  const address = hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '' ? 'all addresses' : hostIp;
  const holder = context.portHolder ? `container ${context.portHolder}` : 'another program';
  return {
    kind: 'port-in-use',
    port: { hostIp, port, protocol },
    message: `Port ${port} on ${address} is already in use by ${holder}.`,
    fix: `Change the host port in ${where(context, 'ports:')}, or stop ${context.portHolder ? `container ${context.portHolder}` : 'the program that listens on it'}.`,
  };
}

function registryUnreachable(registry: string, cause: string): Omit<EngineErrorText, 'details'> {
  const why = /no such host|server misbehaving|name resolution/.test(cause)
    ? 'DNS lookup failed'
    : /refused/.test(cause)
      ? 'connection refused'
      : /x509/.test(cause)
        ? 'its certificate is not trusted'
        : /proxyconnect/.test(cause)
          ? 'the proxy failed'
          : /unreachable/.test(cause)
            ? 'no network route'
            : 'timed out';
  return {
    kind: 'registry-unreachable',
    registry,
    message: `Can't reach ${registry} (${why}) — offline or behind a proxy?`,
    fix:
      why === 'its certificate is not trusted'
        ? `Trust the registry's CA on the engine's host (/etc/docker/certs.d/${registry}/ca.crt), then retry.`
        : `Check the network, DNS and proxy settings of the Docker engine (not only of this app), then retry.`,
  };
}

/** Docker Hub's API hosts are better known by their product name. */
function registryName(host: string): string {
  return /^(registry-1|index|auth)\.docker\.io$/.test(host) ? `Docker Hub (${host})` : host;
}

/** Engine ids (64 hex digits) mean nothing to a person and overflow a card: keep the first 12. */
function withoutLongIds(text: string): string {
  return text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1…');
}
