/**
 * The gRPC services a BuildKit session offers the daemon, as their .proto sources (moby/buildkit session/*,
 * tonistiigi/fsutil types/*, grpc health v1), trimmed to the messages Berth serves. They are kept as strings so the
 * bundled main process and CLI carry them without any file next to the build output.
 */

/** fsutil's wire format: one Packet per message of a DiffCopy stream. `mode` is a Go os.FileMode. */
export const FSUTIL_TYPES_PROTO = `
syntax = "proto3";
package fsutil.types;
message Stat {
  string path = 1;
  uint32 mode = 2;
  uint32 uid = 3;
  uint32 gid = 4;
  int64 size = 5;
  int64 modTime = 6;
  string linkname = 7;
  int64 devmajor = 8;
  int64 devminor = 9;
  map<string, bytes> xattrs = 10;
}
message Packet {
  enum PacketType {
    PACKET_STAT = 0;
    PACKET_REQ = 1;
    PACKET_DATA = 2;
    PACKET_FIN = 3;
    PACKET_ERR = 4;
  }
  PacketType type = 1;
  Stat stat = 2;
  uint32 ID = 3;
  bytes data = 4;
}
`;

export const FILESYNC_PROTO = `
syntax = "proto3";
package moby.filesync.v1;
service FileSync {
  rpc DiffCopy(stream fsutil.types.Packet) returns (stream fsutil.types.Packet);
}
`;

export const AUTH_PROTO = `
syntax = "proto3";
package moby.filesync.v1;
service Auth {
  rpc Credentials(CredentialsRequest) returns (CredentialsResponse);
}
message CredentialsRequest {
  string Host = 1;
}
message CredentialsResponse {
  string Username = 1;
  string Secret = 2;
}
`;

export const SECRETS_PROTO = `
syntax = "proto3";
package moby.buildkit.secrets.v1;
service Secrets {
  rpc GetSecret(GetSecretRequest) returns (GetSecretResponse);
}
message GetSecretRequest {
  string ID = 1;
  map<string, string> annotations = 2;
}
message GetSecretResponse {
  bytes data = 1;
}
`;

export const SSH_PROTO = `
syntax = "proto3";
package moby.sshforward.v1;
service SSH {
  rpc CheckAgent(CheckAgentRequest) returns (CheckAgentResponse);
  rpc ForwardAgent(stream BytesMessage) returns (stream BytesMessage);
}
message BytesMessage {
  bytes data = 1;
}
message CheckAgentRequest {
  string ID = 1;
}
message CheckAgentResponse {}
`;

/** The daemon checks the session's health every second and drops it after two failures. */
export const HEALTH_PROTO = `
syntax = "proto3";
package grpc.health.v1;
service Health {
  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);
}
message HealthCheckRequest {
  string service = 1;
}
message HealthCheckResponse {
  enum ServingStatus {
    UNKNOWN = 0;
    SERVING = 1;
    NOT_SERVING = 2;
    SERVICE_UNKNOWN = 3;
  }
  ServingStatus status = 1;
}
`;

/** BuildKit's progress, as the daemon sends it base64-encoded in `moby.buildkit.trace` messages of /build. */
export const BUILDKIT_STATUS_PROTO = `
syntax = "proto3";
package moby.buildkit.v1;
message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}
message StatusResponse {
  repeated Vertex vertexes = 1;
  repeated VertexStatus statuses = 2;
  repeated VertexLog logs = 3;
  repeated VertexWarning warnings = 4;
}
message Vertex {
  string digest = 1;
  repeated string inputs = 2;
  string name = 3;
  bool cached = 4;
  Timestamp started = 5;
  Timestamp completed = 6;
  string error = 7;
}
message VertexStatus {
  string ID = 1;
  string vertex = 2;
  string name = 3;
  int64 current = 4;
  int64 total = 5;
  Timestamp timestamp = 6;
  Timestamp started = 7;
  Timestamp completed = 8;
}
message VertexLog {
  string vertex = 1;
  Timestamp timestamp = 2;
  int64 stream = 3;
  bytes msg = 4;
}
message VertexWarning {
  string vertex = 1;
  int64 level = 2;
  bytes short = 3;
  repeated bytes detail = 4;
  string url = 5;
  SourceInfo info = 6;
  repeated Range ranges = 7;
}
message SourceInfo {
  string filename = 1;
  bytes data = 2;
}
message Range {
  Position start = 1;
  Position end = 2;
}
message Position {
  int32 line = 1;
  int32 character = 2;
}
`;
