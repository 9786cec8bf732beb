/**
 * dockerode requires its BuildKit session helper (gRPC and protobuf: about a quarter of a `berth ps` start) as soon as
 * it is imported. Berth runs BuildKit sessions of its own, so before anything imports dockerode, the CLI puts a
 * stand-in for that helper in Node's module cache which loads the real one on first use. Imported first by the CLI
 * entry, for its side effect.
 */
import Module, { createRequire } from 'node:module';

const nodeRequire = createRequire(__filename);

function deferDockerodeSession(): void {
  let path: string;
  try {
    path = nodeRequire.resolve('dockerode/lib/session');
  } catch {
    return;
  }
  if (nodeRequire.cache[path]) return;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = (...args: unknown[]) => {
    delete nodeRequire.cache[path];
    return (nodeRequire(path) as (...session: unknown[]) => unknown)(...args);
  };
  nodeRequire.cache[path] = standIn;
}

deferDockerodeSession();
