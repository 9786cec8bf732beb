/** Documentation sites Berth links to from its error messages and panels. */
const DOCS_HOSTS = new Set([
  'docs.docker.com',
  'docs.nvidia.com',
  'docs.podman.io',
  'github.com',
  'huggingface.co',
  'mlflow.org',
  'pytorch.org',
]);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Links that may leave the app: services published on this machine (http or https on loopback)
 * and an https allowlist of documentation sites. Everything else, including file: and custom
 * schemes, stays closed.
 */
export function isAllowedExternalUrl(candidate: string): boolean {
  return allowedExternalUrl(candidate) !== null;
}

/**
 * The URL to open when `candidate` may leave the app: the parsed, normalized form that was checked (never the string
 * as given, whose reading by the browser could differ), or null. `publishedOn` adds one host: the remote engine's
 * address main itself found a running container's port published on (never a host the renderer names).
 */
export function allowedExternalUrl(candidate: string, options: { publishedOn?: string } = {}): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  const loopback = web && LOOPBACK_HOSTS.has(url.hostname);
  const published = web && options.publishedOn !== undefined && url.hostname === options.publishedOn;
  const docs = url.protocol === 'https:' && DOCS_HOSTS.has(url.hostname);
  return loopback || published || docs ? url.href : null;
}
