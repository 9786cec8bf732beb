import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { EngineDialer } from './engine-http-agent';
import type { TlsSettings } from './engine-target';
import { tlsVerificationError } from './tls-failure';

/**
 * Dials a tcp engine, with TLS when `tls` is set. The server is checked here, not by Node's `rejectUnauthorized`,
 * so a refusal can say what is wrong (another CA, a host name the certificate doesn't name, a clock outside the
 * certificate's dates) before a single byte is sent.
 */
export function tcpDialer(host: string, port: number, tls: TlsSettings | null): EngineDialer {
  return tls ? () => dialTls(host, port, tls) : () => dialPlain(host, port);
}

function dialPlain(host: string, port: number): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = netConnect({ host, port });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

async function dialTls(host: string, port: number, tls: TlsSettings): Promise<TLSSocket> {
  // node:tls loads with the first TLS engine, not with every command on a local socket.
  const { connect: tlsConnect } = await import('node:tls');
  return new Promise<TLSSocket>((resolve, reject) => {
    const socket = tlsConnect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      rejectUnauthorized: false,
    });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      socket.off('error', reject);
      if (tls.verify && !socket.authorized) {
        const error = tlsVerificationError(`${host}:${port}`, socket.authorizationError, socket.getPeerCertificate());
        socket.destroy();
        reject(error);
        return;
      }
      // The Engine API negotiates no ALPN, and Node marks that `alpnProtocol: false` — which its http2 server
      // reads as "a TLS client that wants HTTP/1.1" and drops. A BuildKit session upgrades this very connection
      // to h2c and serves gRPC on it, so the mark has to go: the socket is a plain byte stream to its users.
      (socket as { alpnProtocol?: string | false }).alpnProtocol = undefined;
      resolve(socket);
    });
  });
}
