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
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (LOOPBACK_HOSTS.has(url.hostname)) return true;
  }
  return url.protocol === 'https:' && DOCS_HOSTS.has(url.hostname);
}
