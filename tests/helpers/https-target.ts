import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  /** PEM of the certificate (it is its own issuer). */
  cert: string;
  key: string;
  /** The certificate as a file, e.g. for NODE_EXTRA_CA_CERTS of a child process. */
  certFile: string;
  dir: string;
}

/**
 * A self-signed certificate for localhost and 127.0.0.1, valid for `days`, made with openssl
 * (`.ci/run` installs it); a clear error when openssl cannot make one.
 */
export function selfSignedCertificate(days: number): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-cert-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(days), '-subj', '/O=Levqor Test/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.error || made.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a test certificate (apt-get install openssl): ${made.error?.message ?? made.stderr}`);
  }
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, dir };
}

/** An HTTPS server on 127.0.0.1 answering 200 "ok" with the given certificate. */
export async function startHttpsTarget(certificate: TestCertificate): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer({ cert: certificate.cert, key: certificate.key }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/health`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
