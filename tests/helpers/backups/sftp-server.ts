import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { startChildServer, type ChildServer } from './child-server';

export interface SftpServer extends ChildServer {
  /** sftp:USER@127.0.0.1:PATH */
  repository(path: string): string;
  /** restic's global options that make it reach this server: the port, the client key, no host-key prompt. */
  resticOptions: string[];
}

export const sshdPath = '/usr/sbin/sshd';

/**
 * A throwaway OpenSSH server on loopback, run as the current user with its own host key and
 * config in `dir`, accepting one generated client key (apt: openssh-server).
 */
export async function startSftpServer(dir: string): Promise<SftpServer> {
  if (!existsSync(sshdPath)) throw new Error(`${sshdPath} is missing: apt-get install openssh-server`);
  mkdirSync(dir, { recursive: true });
  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  keygen(join(dir, 'host_key'));
  keygen(join(dir, 'client_key'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')), { mode: 0o600 });
  // sshd started by root wants its privilege separation folder, as the package's service would make it
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    'UsePAM no',
    'StrictModes no',
    'Subsystem sftp internal-sftp',
  ].join('\n');
  writeFileSync(join(dir, 'sshd_config'), `${config}\n`);
  const server = await startChildServer(sshdPath, ['-D', '-e', '-f', join(dir, 'sshd_config')], port);
  const user = userInfo().username;
  const ssh = `ssh -p ${port} -i ${join(dir, 'client_key')} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR ${user}@127.0.0.1 -s sftp`;
  return { ...server, repository: (path) => `sftp:${user}@127.0.0.1:${path}`, resticOptions: ['-o', `sftp.command=${ssh}`] };
}
