/**
 * `moby.buildkit.secrets.v1.Secrets/GetSecret`: a build step's `--mount=type=secret,id=…` asks for the value by id.
 * Values are read when asked for (from a file or an environment variable) and never logged; an id the build does not
 * declare is NOT_FOUND, which BuildKit reports as a missing secret (or skips, for `required=false`).
 */
import { readFile } from 'node:fs/promises';
import { status, type ServerUnaryCall, type sendUnaryData, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { SecretRedactor } from '../secret-redactor';

/** Where one build secret's value comes from; the value itself is read only when the daemon asks for it. */
export type SecretSource = { file: string } | { environment: string; value: string | undefined };

export function secretsProvider(
  secrets: Map<string, SecretSource>,
  redactor: SecretRedactor,
): UntypedServiceImplementation {
  return {
    GetSecret(call: ServerUnaryCall<{ ID: string }, { data: Buffer }>, callback: sendUnaryData<{ data: Buffer }>) {
      const id = call.request.ID;
      const source = secrets.get(id);
      if (!source) return callback({ code: status.NOT_FOUND, details: `secret ${id} not found` });
      readSecret(source).then(
        (data) => {
          redactor.add(data);
          callback(null, { data });
        },
        () => callback({ code: status.NOT_FOUND, details: `secret ${id} could not be read` }),
      );
    },
  };
}

async function readSecret(source: SecretSource): Promise<Buffer> {
  if ('file' in source) return readFile(source.file);
  if (source.value === undefined) throw new Error('unset');
  return Buffer.from(source.value);
}
