/**
 * dockerode requires helpers Berth never uses as soon as it is imported: its BuildKit session helper (gRPC and
 * protobuf: about a quarter of a `berth ps` start) and docker-modem's ssh transport (ssh2 and its crypto: ~30 ms of
 * CPU in every `berth up`/`down`). Berth runs BuildKit sessions and ssh connections of its own, so before anything
 * imports dockerode, the CLI puts stand-ins for those helpers in Node's module cache which load the real one on first
 * use. Imported first by the CLI entry, for its side effect.
 */
import Module, { createRequire } from 'node:module';

const nodeRequire = createRequire(__filename);

/** Both helpers export one function. */
const DEFERRED_HELPERS = ['dockerode/lib/session', 'docker-modem/lib/ssh'];

function deferHelper(id: string): void {
  let path: string;
  try {
    path = nodeRequire.resolve(id, { paths: [nodeRequire.resolve('dockerode')] });
  } catch {
    return;
  }
  if (nodeRequire.cache[path]) return;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = (...args: unknown[]) => {
    delete nodeRequire.cache[path];
    return (nodeRequire(path) as (...helperArgs: unknown[]) => unknown)(...args);
  };
  nodeRequire.cache[path] = standIn;
}

for (const id of DEFERRED_HELPERS) deferHelper(id);
