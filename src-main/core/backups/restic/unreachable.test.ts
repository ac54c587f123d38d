import { describe, expect, it } from 'vitest';
import { UnreachableWatch } from './unreachable';

const retry = (ms: number) => `Save(<data/1a2b3c>) returned error, retrying after ${ms}ms: client.Do: Post "http://127.0.0.1:9/data/1a2b3c": dial tcp 127.0.0.1:9: connect: connection refused\n`;

describe('UnreachableWatch', () => {
  it('stops the call once restic has retried for the grace period without the backup moving, with restic\u2019s own error', () => {
    let now = 0;
    const watch = new UnreachableWatch(1_000, undefined, () => now);
    watch.stderr(retry(500));
    now = 600;
    watch.stderr('some other line\n' + retry(900).slice(0, 30));
    expect(watch.signal.aborted).toBe(false);
    now = 1_100;
    watch.stderr(retry(900).slice(30));
    expect(watch.signal.aborted).toBe(true);
    expect(watch.reason()).toBe('the repository stopped answering (restic retried for 1 s without getting through): client.Do: Post "http://127.0.0.1:9/data/1a2b3c": dial tcp 127.0.0.1:9: connect: connection refused');
  });

  it('bytes that move on mean the repository answers: the count starts again', () => {
    let now = 0;
    const watch = new UnreachableWatch(1_000, undefined, () => now);
    watch.progress(10);
    watch.stderr(retry(500));
    now = 900;
    watch.progress(20);
    now = 1_500;
    watch.stderr(retry(500));
    expect(watch.signal.aborted).toBe(false);
    watch.progress(20); // a status line that did not move does not reset it
    now = 2_600;
    watch.stderr(retry(500));
    expect(watch.fired).toBe(true);
  });

  it('follows the caller\u2019s own cancel', () => {
    const outer = new AbortController();
    const watch = new UnreachableWatch(1_000, outer.signal);
    outer.abort();
    expect(watch.signal.aborted).toBe(true);
    expect(watch.fired).toBe(false);
  });
});
