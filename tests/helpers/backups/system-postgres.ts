import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { startChildServer, type ChildServer } from './child-server';

/**
 * The folder of the Postgres server whose major version is the system pg_dump's (Debian's
 * postgresql-NN package, which `.ci/run` installs); a clear error when it is not there.
 */
function systemPostgresBin(): string {
  const version = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  const major = /(\d+)\./.exec(version.stdout ?? '')?.[1];
  if (!major) throw new Error('pg_dump is not installed: install postgresql-client (apt-get install postgresql-client)');
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(join(bin, 'postgres')) || !existsSync(join(bin, 'initdb'))) {
    throw new Error(`no Postgres ${major} server beside pg_dump ${major}: install it (apt-get install postgresql-${major})`);
  }
  return bin;
}

export interface SystemPostgres extends ChildServer {
  /** postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres, password authentication required. */
  url: string;
}

/**
 * A throwaway Postgres of the system's own version (the embedded one is newer than Debian's
 * pg_dump, which refuses to dump a newer server), password authentication on loopback only.
 * As root it runs as the `postgres` user (setpriv execs, so the stop signal reaches the server).
 */
export async function startSystemPostgres(password: string): Promise<SystemPostgres> {
  const bin = systemPostgresBin();
  const dir = mkdtempSync('/tmp/levqor-syspg-');
  chmodSync(dir, 0o755);
  const asRoot = userInfo().uid === 0;
  const as = asRoot ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password);
  if (asRoot) {
    const { uid, gid } = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const data = join(dir, 'data');
  const run = (program: string, args: string[]) => (asRoot ? ['setpriv', [...as.slice(1), join(bin, program), ...args]] : [join(bin, program), args]) as [string, string[]];
  execFileSync(...run('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--no-sync']), { stdio: 'ignore' });
  const port = await freePort();
  const server = await startChildServer(...run('postgres', ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off']), port);
  // it accepts connections before it takes queries ("the database system is starting up")
  for (let i = 0; spawnSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status !== 0; i++) {
    if (i > 300) throw new Error(`the system Postgres did not get ready: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    ...server,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
