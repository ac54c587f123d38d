import { CoreError } from '../../errors';
import type { ErrorCode } from '../../../../shared/contract/errors';
import { displayRepository } from '../../../../shared/backup-repository';

/** A restic call that failed; `log` is its standard error (credentials already taken out), kept for the operation's log. */
export class ResticFailure extends CoreError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly log: string,
    field?: string,
  ) {
    super(code, message, field);
    this.name = 'ResticFailure';
  }
}

/** restic's own one-line reason: the text after its last "Fatal: ", else its last line. */
function reasonIn(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const fatal = lines.findLast((l) => l.startsWith('Fatal: '));
  return fatal ? fatal.slice('Fatal: '.length) : lines.at(-1);
}

/**
 * What a failed restic call means for the founder, from its exit code and standard error: a
 * wrong password names the field `password`, a missing repository the field `repository`, a
 * lock held by another restic is a CONFLICT; anything else is UNAVAILABLE with restic's reason.
 */
export function resticFailure(command: string, exitCode: number | null, stderr: string, repository: string, clean: (text: string) => string): ResticFailure {
  const where = displayRepository(repository);
  // read the raw text (a password that is a common word would hide restic's words once redacted); quote only the cleaned one
  const log = clean(stderr);
  const reason = (text: string) => {
    const found = reasonIn(text);
    return found === undefined ? undefined : clean(found);
  };
  if (/wrong password or no key found/i.test(stderr)) {
    return new ResticFailure('BAD_INPUT', `password: is not the password of the restic repository at ${where}`, log, 'password');
  }
  if (/unable to open config file|Is there a repository at the following location\?/i.test(stderr)) {
    // restic says the same whether the config is absent or the server cannot be reached
    if (/no such file or directory|does not exist|not found|\b404\b/i.test(stderr)) {
      return new ResticFailure('NOT_FOUND', `repository: there is no restic repository at ${where} yet (\`levqor backup repo init PLAN\` makes one)`, log, 'repository');
    }
    return new ResticFailure('UNAVAILABLE', `cannot reach the restic repository at ${where}: ${reason(stderr.replace(/\nIs there a repository[\s\S]*$/, '')) ?? 'no answer'}`, log);
  }
  if (/repository is already locked|unable to create lock/i.test(stderr)) {
    return new ResticFailure('CONFLICT', `the repository at ${where} is locked by another restic process (${reason(stderr) ?? 'locked'}); try again when it has finished`, log);
  }
  return new ResticFailure('UNAVAILABLE', `restic ${command} failed for ${where}: ${reason(stderr) ?? `exit code ${exitCode ?? 'none'}`}`, log);
}
