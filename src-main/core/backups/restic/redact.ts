import { displayRepository } from '../../../../shared/backup-repository';

/** `text` with every secret in `secrets`, and the repository's URL password, replaced by ***. */
export function redact(text: string, secrets: readonly string[], repository?: string): string {
  let out = text;
  if (repository !== undefined && repository !== displayRepository(repository)) out = out.split(repository).join(displayRepository(repository));
  for (const secret of [...secrets, ...(repository === undefined ? [] : urlPasswords(repository))]) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}

/** The password a repository URL carries (`rest:https://user:PASS@host/…`), as typed and as decoded: a message may quote either. */
function urlPasswords(repository: string): string[] {
  const typed = /\/\/[^/@:\s]*:([^/@\s]+)@/.exec(repository)?.[1];
  if (typed === undefined) return [];
  let decoded = typed;
  try {
    decoded = decodeURIComponent(typed);
  } catch {
    // not percent-encoded as a URL would be: the typed form is the one to find
  }
  return decoded === typed ? [typed] : [typed, decoded];
}
