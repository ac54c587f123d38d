import { displayRepository } from '../../../../shared/backup-repository';

/** `text` with every secret in `secrets`, and the repository's URL password, replaced by ***. */
export function redact(text: string, secrets: readonly string[], repository?: string): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('***');
  if (repository !== undefined && repository !== displayRepository(repository)) out = out.split(repository).join(displayRepository(repository));
  return out;
}
