/** Error words that mean the other side could not be reached at all, rather than that it said no. */
const unreachableWords = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up|timed? ?out|no answer within|could not (reach|connect)|connection (refused|error)|unreachable|offline/i;

export function looksUnreachable(message: string): boolean {
  return unreachableWords.test(message);
}

/** What a check says when it could not reach what it checks: offline or down, never a pass. */
export function unreachableReason(what: string, message: string): string {
  return `Could not reach ${what} (${message}). If this machine is offline, connect it and run the preflight again.`;
}
