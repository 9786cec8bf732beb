/** The session's gRPC service definitions and BuildKit's status message, parsed once from session-protos.ts. */
import { loadPackageDefinition, type ServiceDefinition } from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import {
  AUTH_PROTO,
  BUILDKIT_STATUS_PROTO,
  FILESYNC_PROTO,
  FSUTIL_TYPES_PROTO,
  HEALTH_PROTO,
  SECRETS_PROTO,
  SSH_PROTO,
} from './session-protos';

export interface SessionServices {
  fileSync: ServiceDefinition;
  auth: ServiceDefinition;
  secrets: ServiceDefinition;
  ssh: ServiceDefinition;
  health: ServiceDefinition;
}

let services: SessionServices | null = null;
let statusType: protobuf.Type | null = null;

function parse(sources: string[]): protobuf.Root {
  const root = new protobuf.Root();
  for (const source of sources) protobuf.parse(source, root, { keepCase: true });
  return root;
}

export function sessionServices(): SessionServices {
  if (services) return services;
  const root = parse([FSUTIL_TYPES_PROTO, FILESYNC_PROTO, AUTH_PROTO, SECRETS_PROTO, SSH_PROTO, HEALTH_PROTO]);
  const definition = fromJSON(root.toJSON(), { keepCase: true, longs: Number, enums: String, defaults: true });
  const loaded = loadPackageDefinition(definition) as unknown as Record<string, Record<string, unknown>>;
  const service = (name: string): ServiceDefinition => {
    const parts = name.split('.');
    let node: unknown = loaded;
    for (const part of parts) node = (node as Record<string, unknown>)[part];
    return (node as { service: ServiceDefinition }).service;
  };
  services = {
    fileSync: service('moby.filesync.v1.FileSync'),
    auth: service('moby.filesync.v1.Auth'),
    secrets: service('moby.buildkit.secrets.v1.Secrets'),
    ssh: service('moby.sshforward.v1.SSH'),
    health: service('grpc.health.v1.Health'),
  };
  return services;
}

/** `moby.buildkit.v1.StatusResponse`, for decoding the /build stream's trace messages. */
export function buildkitStatusType(): protobuf.Type {
  statusType ??= parse([BUILDKIT_STATUS_PROTO]).lookupType('moby.buildkit.v1.StatusResponse');
  return statusType;
}
