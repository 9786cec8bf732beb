import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, resolveAppFile } from '../../../src/main/security/app-path';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/csp';

/** Serves the built renderer with the same path checks and CSP as the app:// protocol. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://bridge');
  const file = resolveAppFile(root, url.pathname);
  try {
    if (!file) throw new Error('outside root');
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('Not found');
  }
}
