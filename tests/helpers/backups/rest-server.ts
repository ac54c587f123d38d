import { freePort } from '../free-port';
import { startChildServer, type ChildServer } from './child-server';

export interface RestServer extends ChildServer {
  /** The repository URL for restic: rest:http://127.0.0.1:PORT/ (with user:password@ when given). */
  repository(path?: string): string;
}

/**
 * restic's REST protocol on loopback, served by `rclone serve restic` over `dir` (rclone from
 * apt; the same wire format as rest-server). With `auth`, it asks for that user and password.
 */
export async function startRestServer(dir: string, auth?: { user: string; pass: string }, onPort?: number): Promise<RestServer> {
  // a given port: the same server started again after a test stopped it
  const port = onPort ?? (await freePort());
  const args = ['serve', 'restic', '--addr', `127.0.0.1:${port}`, ...(auth ? ['--user', auth.user, '--pass', auth.pass] : []), dir];
  const server = await startChildServer('rclone', args, port);
  const credentials = auth ? `${auth.user}:${auth.pass}@` : '';
  return { ...server, repository: (path = '') => `rest:http://${credentials}127.0.0.1:${port}/${path}` };
}
