/** restic's note that a call to the repository failed and will be tried again ("Save(<data/…>) returned error, retrying after 1.2s: …"). */
const retryLine = /returned error, retrying after [^:]+: (.+)$/;

/**
 * Watches a running restic for a repository that stopped answering. restic retries each failed
 * request on its own for a long time (minutes, and again for every pack), so a server that went
 * away would leave the operation hanging: once restic has been retrying for `graceMs` without
 * the backup moving on, `signal` aborts the call and `reason` says why, with restic's own error.
 */
export class UnreachableWatch {
  private readonly controller = new AbortController();
  private since: number | undefined;
  private lastError = '';
  private lastBytes = -1;
  private buffered = '';
  fired = false;

  constructor(
    private readonly graceMs: number,
    outer?: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', () => this.controller.abort(outer.reason), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Standard error as it comes. */
  stderr(text: string): void {
    const lines = (this.buffered + text).split('\n');
    this.buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = retryLine.exec(line);
      if (!m) continue;
      this.lastError = m[1]!.trim();
      this.since ??= this.now();
      if (!this.fired && this.now() - this.since >= this.graceMs) {
        this.fired = true;
        this.controller.abort();
      }
    }
  }

  /** A status line: bytes that moved on mean the repository answers again. */
  progress(bytesDone: number): void {
    if (bytesDone > this.lastBytes) this.since = undefined;
    this.lastBytes = Math.max(this.lastBytes, bytesDone);
  }

  reason(): string {
    return `the repository stopped answering (restic retried for ${Math.round(this.graceMs / 1000)} s without getting through): ${this.lastError}`;
  }
}
