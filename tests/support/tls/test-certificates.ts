import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificates {
  /** ca.pem, cert.pem (client), key.pem (client): a DOCKER_CERT_PATH folder. */
  clientDir: string;
  /** ca.pem only: verifies the server, no client certificate. */
  caOnlyDir: string;
  /** ca.pem of another CA, with the right client certificate: the server must be refused. */
  wrongCaDir: string;
  serverCert: string;
  serverKey: string;
  /** A server certificate (same CA) valid only from two days from now: clock skew. */
  futureServerCert: string;
  caCert: string;
}

/**
 * A CA, a server certificate for 127.0.0.1/localhost, a client certificate, a second unrelated CA and a server
 * certificate dated in the future, all made with `openssl` (RSA 2048: quick, and what dockerd's docs use).
 */
export function makeTestCertificates(dir: string): TestCertificates {
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  mkdirSync(dir, { recursive: true });
  const newKey = (name: string) => openssl('genrsa', '-out', path(name), '2048');
  const newCa = (name: string, cn: string) => {
    newKey(`${name}-key.pem`);
    openssl(
      'req',
      '-x509',
      '-new',
      '-key',
      path(`${name}-key.pem`),
      '-days',
      '30',
      '-subj',
      `/CN=${cn}`,
      '-out',
      path(`${name}.pem`),
    );
  };
  newCa('ca', 'Berth Test CA');
  newCa('other-ca', 'Some Other CA');

  writeFileSync(path('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(path('client.ext'), 'extendedKeyUsage=clientAuth\n');
  const sign = (name: string, cn: string, ext: string) => {
    newKey(`${name}-key.pem`);
    openssl('req', '-new', '-key', path(`${name}-key.pem`), '-subj', `/CN=${cn}`, '-out', path(`${name}.csr`));
    openssl(
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path('ca.pem'),
      '-CAkey',
      path('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '30',
      '-extfile',
      path(ext),
      '-out',
      path(`${name}.pem`),
    );
  };
  sign('server', '127.0.0.1', 'server.ext');
  sign('client', 'berth-client', 'client.ext');

  // openssl 3.0's `x509 -req` can't set a start date; `openssl ca` can.
  const caDir = path('ca-db');
  mkdirSync(caDir, { recursive: true });
  writeFileSync(join(caDir, 'index.txt'), '');
  writeFileSync(join(caDir, 'serial'), '1000\n');
  writeFileSync(
    path('ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${caDir}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = none',
      'x509_extensions = server',
      '[any]',
      'commonName = supplied',
      '[server]',
      'subjectAltName = IP:127.0.0.1,DNS:localhost',
      'extendedKeyUsage = serverAuth',
      '',
    ].join('\n'),
  );
  const start = new Date(Date.now() + 2 * 86_400_000);
  const end = new Date(Date.now() + 30 * 86_400_000);
  openssl(
    'ca',
    '-batch',
    '-config',
    path('ca.cnf'),
    '-cert',
    path('ca.pem'),
    '-keyfile',
    path('ca-key.pem'),
    '-in',
    path('server.csr'),
    '-startdate',
    asn1Time(start),
    '-enddate',
    asn1Time(end),
    '-out',
    path('future-server.pem'),
  );

  const folder = (name: string, files: Record<string, string>) => {
    const folderPath = path(name);
    mkdirSync(folderPath, { recursive: true });
    for (const [target, source] of Object.entries(files)) execFileSync('cp', [path(source), join(folderPath, target)]);
    return folderPath;
  };
  return {
    clientDir: folder('client-dir', { 'ca.pem': 'ca.pem', 'cert.pem': 'client.pem', 'key.pem': 'client-key.pem' }),
    caOnlyDir: folder('ca-only-dir', { 'ca.pem': 'ca.pem' }),
    wrongCaDir: folder('wrong-ca-dir', {
      'ca.pem': 'other-ca.pem',
      'cert.pem': 'client.pem',
      'key.pem': 'client-key.pem',
    }),
    serverCert: path('server.pem'),
    serverKey: path('server-key.pem'),
    futureServerCert: path('future-server.pem'),
    caCert: path('ca.pem'),
  };
}

/** `YYYYMMDDHHMMSSZ`, the GeneralizedTime `openssl ca -startdate` takes. */
function asn1Time(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}
