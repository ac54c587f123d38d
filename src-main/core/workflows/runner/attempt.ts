/**
 * How one attempt of a step is cut short (timeout, cancel, closing). The step's AbortSignal
 * is only made when the step reads it: most steps never do, and an AbortController with its
 * listener is a measurable cost on every step. The runner's race works either way.
 */
export class Attempt {
  aborted = false;
  reason: unknown = undefined;
  private controller: AbortController | undefined;
  private rejectRace: ((reason: unknown) => void) | undefined;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    this.rejectRace?.(reason);
  }

  /** Settles as `work` does, or rejects with the abort reason if that comes first. */
  race<T>(work: PromiseLike<T>): Promise<T> {
    if (this.aborted) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      this.rejectRace = reject;
      work.then(resolve, reject);
    });
  }
}
