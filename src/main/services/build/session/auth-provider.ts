/**
 * `moby.filesync.v1.Auth/Credentials`: registry credentials for the pulls a build makes (`FROM`, cache imports),
 * looked up as Berth's pulls look them up (docker config, credential helpers). Token flows are left to the daemon.
 */
import type { ServerUnaryCall, sendUnaryData, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { RegistryAuthLookup } from '../../compose/engine/image/registry-auth';

interface Credentials {
  Username: string;
  Secret: string;
}

/** BuildKit names Docker Hub by its registry host; the docker config keys it as docker.io. */
const DOCKER_HUB_HOSTS = new Set(['registry-1.docker.io', 'index.docker.io', 'docker.io']);

export function authProvider(lookup: RegistryAuthLookup | undefined): UntypedServiceImplementation {
  return {
    Credentials(call: ServerUnaryCall<{ Host: string }, Credentials>, callback: sendUnaryData<Credentials>) {
      const host = DOCKER_HUB_HOSTS.has(call.request.Host) ? 'docker.io' : call.request.Host;
      const found = lookup ? lookup(host) : Promise.resolve(undefined);
      found.then(
        (auth) =>
          callback(null, {
            Username: auth?.identitytoken ? '' : (auth?.username ?? ''),
            Secret: auth?.identitytoken ?? auth?.password ?? '',
          }),
        () => callback(null, { Username: '', Secret: '' }),
      );
    },
  };
}
