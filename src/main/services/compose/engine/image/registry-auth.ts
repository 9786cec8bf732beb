/**
 * Registry credentials the way the docker CLI finds them in `~/.docker/config.json` (or $DOCKER_CONFIG):
 * `credHelpers[registry]`, else `credsStore`, else the base64 `auth` (or username/password) under `auths`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerConfigDir } from '../../../docker/docker-config';

export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

export type RegistryAuthLookup = (registry: string) => Promise<RegistryAuth | undefined>;

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

/** The registry host of an image reference: the first path part when it looks like a host, else Docker Hub. */
export function registryOf(image: string): string {
  const first = image.split('/')[0]!;
  const hasHost = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return hasHost ? first : DOCKER_HUB;
}

export function registryAuthFromDockerConfig(env: NodeJS.ProcessEnv, homeDir: string): RegistryAuthLookup {
  const config = readConfig(join(dockerConfigDir(env, homeDir), 'config.json'));
  return async (registry) => {
    const key = registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
    const helper = config.credHelpers?.[registry] ?? config.credsStore;
    if (helper) {
      const fromHelper = await credentialHelperGet(helper, key).catch(() => undefined);
      if (fromHelper) return fromHelper;
    }
    const entry = config.auths?.[key] ?? config.auths?.[`https://${key}`] ?? config.auths?.[`http://${key}`];
    if (!entry) return undefined;
    if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress: key };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: key };
    }
    if (entry.username) return { username: entry.username, password: entry.password, serveraddress: key };
    return undefined;
  };
}

function readConfig(path: string): DockerConfigFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DockerConfigFile;
  } catch {
    return {};
  }
}

/** `docker-credential-<helper> get` reads the server address on stdin and prints {Username, Secret}. */
function credentialHelperGet(helper: string, serverAddress: string): Promise<RegistryAuth | undefined> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { timeout: 10_000 }, (error, stdout) => {
      if (error) return reject(error);
      const parsed = JSON.parse(stdout) as { Username?: string; Secret?: string };
      if (!parsed.Secret) return resolve(undefined);
      resolve(
        parsed.Username === '<token>'
          ? { identitytoken: parsed.Secret, serveraddress: serverAddress }
          : { username: parsed.Username, password: parsed.Secret, serveraddress: serverAddress },
      );
    });
    child.stdin?.end(serverAddress);
  });
}
