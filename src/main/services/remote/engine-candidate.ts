import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BerthError } from '@shared/errors';
import { parseDockerHost } from '../docker/docker-host';
import type { ResolvedEndpoint } from '../docker/engine-target';
import { resolveSavedEngine } from '../docker/resolve-endpoint';
import type { SavedEngine } from '../docker/saved-engines';
import { loadTlsMaterial } from '../docker/tls-material';

/** An engine typed into the Add engine dialog (or `engines.test`): an address and, for tcp, a TLS folder. */
export interface EngineCandidate {
  address: string;
  tlsDir?: string;
  tlsVerify?: boolean;
}

const ADDRESS_FIX =
  'Give an address such as ssh://user@gpu-box, ssh://user@10.0.0.5:2222, tcp://gpu-box:2376 or unix:///var/run/docker.sock.';
const SCHEMES = ['ssh', 'tcp', 'unix', 'npipe'];

/**
 * The SavedEngine an address and TLS folder make, checked as far as can be without connecting: a known scheme, an
 * address the docker CLI would parse, TLS only for tcp, and a TLS folder that holds what verification needs.
 * Throws E_INVALID_INPUT saying what is wrong and how to write it.
 */
export function candidateEngine(name: string, candidate: EngineCandidate, now = Date.now()): SavedEngine {
  const address = candidate.address.trim();
  const scheme = address.includes('://') ? address.slice(0, address.indexOf('://')).toLowerCase() : null;
  if (scheme === null || !SCHEMES.includes(scheme)) {
    throw new BerthError(
      'E_INVALID_INPUT',
      scheme === null
        ? `"${address}" has no scheme: Berth cannot tell how to reach it.`
        : `"${scheme}://" is not an engine address scheme (ssh://, tcp:// or unix:// are).`,
      { fix: ADDRESS_FIX },
    );
  }
  try {
    parseDockerHost(address, null, { label: 'The address', fix: ADDRESS_FIX });
  } catch (error) {
    throw asInvalidInput(error);
  }
  if (candidate.tlsDir === undefined) return { name, host: address, addedAt: now };
  if (scheme !== 'tcp') {
    throw new BerthError('E_INVALID_INPUT', `A TLS folder applies to tcp:// engines only, not ${scheme}://.`, {
      fix: 'Clear the TLS folder, or use the tcp://host:2376 address of an engine that listens with TLS.',
    });
  }
  const dir = candidate.tlsDir;
  if (!isAbsolute(dir)) {
    throw new BerthError('E_INVALID_INPUT', `The TLS folder "${dir}" is not an absolute path.`, {
      fix: 'Give the full path of the folder that holds ca.pem, cert.pem and key.pem.',
    });
  }
  const verify = candidate.tlsVerify ?? true;
  const fix = `Put ca.pem (and cert.pem with key.pem for a client certificate) in ${dir}.`;
  try {
    loadTlsMaterial(dir, { requireCa: verify, fix });
  } catch (error) {
    throw asInvalidInput(error);
  }
  const file = (fileName: string) => (existsSync(join(dir, fileName)) ? join(dir, fileName) : undefined);
  return {
    name,
    host: address,
    tls: { verify, ca: file('ca.pem'), cert: file('cert.pem'), key: file('key.pem') },
    addedAt: now,
  };
}

/** How to reach a candidate, with ssh settings (agent, ~/.ssh of `homeDir`) as saved engines get them. */
export function resolveCandidate(
  engine: SavedEngine,
  options: { env: NodeJS.ProcessEnv; homeDir: string; stateDir: string },
): ResolvedEndpoint {
  try {
    return resolveSavedEngine(engine, options);
  } catch (error) {
    throw asInvalidInput(error);
  }
}

function asInvalidInput(error: unknown): BerthError {
  if (error instanceof BerthError) {
    return new BerthError('E_INVALID_INPUT', error.message, { fix: error.fix, cause: error });
  }
  return new BerthError('E_INVALID_INPUT', (error as Error).message, { fix: ADDRESS_FIX, cause: error });
}
