import { isLoopbackHostname } from './secret-destination';

/** Where restic keeps a plan's snapshots. S3 and rclone go through restic's own backends. */
export const repositoryKinds = ['local', 'sftp', 'rest', 's3', 'rclone'] as const;
export type RepositoryKind = (typeof repositoryKinds)[number];

export interface ParsedRepository {
  kind: RepositoryKind;
  /** The repository as restic takes it (RESTIC_REPOSITORY). */
  value: string;
  /** The same with any password in it replaced by ***: what logs, errors and the UI show. */
  display: string;
}

const forms =
  'a local folder (/backups/levqor), sftp:user@host:/path, rest:https://host:8000/path, s3:s3.amazonaws.com/bucket/path or rclone:remote:path';

/** A URL's password replaced by ***. */
export function displayRepository(value: string): string {
  return value.replace(/(\/\/[^/@:\s]*):[^/@\s]*@/, '$1:***@');
}

function isAbsoluteFolder(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Why `value` is not a repository the app can use, in words that follow "repo: "; undefined when it is. */
function problem(value: string): string | undefined {
  if (value.trim() !== value || value === '') return `must be ${forms}`;
  if (/[\r\n\0]/.test(value)) return 'must be one line';
  if (isAbsoluteFolder(value)) return undefined;
  const colon = value.indexOf(':');
  const scheme = colon > 0 ? value.slice(0, colon) : '';
  const rest = value.slice(colon + 1);
  switch (scheme) {
    case 'local':
      return isAbsoluteFolder(rest) ? undefined : 'a local repository must be an absolute folder path (local:/backups/levqor or /backups/levqor)';
    case 'sftp':
      return sftpProblem(rest);
    case 'rest':
      return restProblem(rest);
    case 's3':
      return /^(https?:\/\/)?[^/\s]+\/[^/\s]+/.test(rest) ? undefined : 'an S3 repository is s3:HOST/BUCKET[/PATH] (e.g. s3:s3.amazonaws.com/my-bucket/levqor); its keys go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
    case 'rclone':
      return /^[A-Za-z0-9_.][A-Za-z0-9_. -]*:.*$/.test(rest) ? undefined : 'an rclone repository is rclone:REMOTE:PATH, with REMOTE set up by `rclone config` (e.g. rclone:gdrive:levqor)';
    case 'b2':
    case 'azure':
    case 'gs':
    case 'swift':
      return `${scheme}: repositories are not supported by the app yet; use ${forms}`;
    default:
      return `must be ${forms} (a relative folder is not accepted: write it from /)`;
  }
}

function sftpProblem(rest: string): string | undefined {
  if (rest.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(`sftp:${rest}`);
    } catch {
      return 'an SFTP repository is sftp:user@host:/path or sftp://user@host:port//path';
    }
    if (url.password) return 'an SFTP repository must not carry a password: restic signs in with an SSH key (ssh-agent or ~/.ssh/config)';
    return url.hostname && url.pathname.length > 1 ? undefined : 'an SFTP repository needs a host and a path: sftp://user@host:port//path';
  }
  const m = /^(?:([^@\s/:]+)@)?([^@\s/:]+):(.+)$/.exec(rest);
  if (!m) return 'an SFTP repository is sftp:user@host:/path (or sftp:host:/path with the user from ~/.ssh/config)';
  return undefined;
}

function restProblem(rest: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    return 'a REST repository is rest:http(s)://host:port/path (rest-server or `rclone serve restic`)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'a REST repository is rest:http(s)://host:port/path';
  if (url.password && url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return 'a REST repository URL that carries a password must use https (plain http only to localhost or 127.0.0.1)';
  }
  return undefined;
}

/** The repository a founder typed, checked: kind, value, and how to show it without a password. */
export function parseRepository(value: string): { ok: true; repository: ParsedRepository } | { ok: false; reason: string } {
  const reason = problem(value);
  if (reason !== undefined) return { ok: false, reason };
  const colon = value.indexOf(':');
  const scheme = isAbsoluteFolder(value) ? 'local' : value.slice(0, colon);
  return { ok: true, repository: { kind: scheme as RepositoryKind, value, display: displayRepository(value) } };
}
