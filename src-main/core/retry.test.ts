import { describe, expect, it } from 'vitest';
import { retryPolicySchema } from '../../shared/workflow';
import { ManualClock } from './clock';
import { backoffDelay, sleep, withRetry, type RetryPolicy } from './retry';
import { ManualTimer } from './timer';

const policy: RetryPolicy = { maxAttempts: 10, backoff: 'exponential', initialMs: 500, maxMs: 10_000, jitter: false };

function manualTime() {
  const clock = new ManualClock(0);
  return { clock, timer: new ManualTimer(clock) };
}

class Transient extends Error {}

/** A try that always fails with a fresh `make()`, counting how often it ran. */
function alwaysFailing(make: () => Error) {
  const ran = { tries: 0 };
  const fn = async (): Promise<never> => {
    ran.tries++;
    throw make();
  };
  return { fn, ran };
}

describe('backoffDelay', () => {
  it('doubles from initialMs and caps at maxMs', () => {
    expect([1, 2, 3, 4, 5, 6, 30].map((n) => backoffDelay(policy, n))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffDelay({ ...policy, backoff: 'fixed' }, 5)).toBe(500);
  });

  it('draws jitter from half to all of the wait', () => {
    expect(backoffDelay({ ...policy, jitter: true }, 3, () => 0)).toBe(1000);
    expect(backoffDelay({ ...policy, jitter: true }, 3, () => 1)).toBe(2000);
    expect(backoffDelay({ ...policy, jitter: true }, 3, () => 0.5)).toBe(1500);
  });

  it('treats "no failure yet" as the first and survives an absurd count', () => {
    expect(backoffDelay(policy, 0)).toBe(500);
    expect(backoffDelay({ ...policy, maxMs: Number.MAX_SAFE_INTEGER }, 10_000)).toBe(500 * 2 ** 40);
  });

  it('uses the workflow file format’s defaults for a node without retry', () => {
    expect(retryPolicySchema.parse({})).toEqual({ maxAttempts: 1, backoff: 'exponential', initialMs: 500, maxMs: 60_000, jitter: true });
  });
});

describe('sleep', () => {
  it('waits on the timer it is given', async () => {
    const { clock, timer } = manualTime();
    let woke = false;
    void sleep(1_000, { timer }).then(() => (woke = true));
    await timer.advance(999);
    expect(woke).toBe(false);
    await timer.advance(1);
    expect(woke).toBe(true);
    expect(clock.now()).toBe(1_000);
  });

  it('rejects with the abort reason and leaves no timer behind', async () => {
    const { timer } = manualTime();
    const controller = new AbortController();
    const slept = sleep(1_000, { timer, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    expect(timer.size).toBe(0);
    await expect(sleep(1, { timer, signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('withRetry', () => {
  it('retries transient failures after the backoff, on the injected timer, until one passes', async () => {
    const { clock, timer } = manualTime();
    const tries: number[] = [];
    const retries: Array<[number, number]> = [];
    const done = withRetry(
      async (attempt) => {
        tries.push(clock.now());
        if (attempt < 3) throw new Transient(`try ${attempt}`);
        return 'ok';
      },
      policy,
      { isTransient: (err) => err instanceof Transient, timer, onRetry: (_err, attempt, delayMs) => retries.push([attempt, delayMs]) },
    );
    await timer.advance(10_000);
    await expect(done).resolves.toBe('ok');
    expect(tries).toEqual([0, 500, 1_500]);
    expect(retries).toEqual([
      [1, 500],
      [2, 1000],
    ]);
  });

  it('gives up after maxAttempts tries, and at once on a failure that is not transient', async () => {
    const { timer } = manualTime();
    const down = alwaysFailing(() => new Transient('still down'));
    const spent = withRetry(down.fn, { ...policy, maxAttempts: 3 }, { isTransient: () => true, timer });
    const caught = spent.catch((err: unknown) => err);
    await timer.advance(60_000);
    expect(await caught).toBeInstanceOf(Transient);
    expect(down.ran.tries).toBe(3);

    const refused = alwaysFailing(() => new Error('bad password'));
    await expect(withRetry(refused.fn, policy, { isTransient: (err) => err instanceof Transient, timer })).rejects.toThrow('bad password');
    expect(refused.ran.tries).toBe(1);
  });

  it('asks a policy function again after every failed try', async () => {
    const { timer } = manualTime();
    let connected = false;
    let asked = 0;
    let tries = 0;
    const short: RetryPolicy = { ...policy, maxAttempts: 2 };
    const long: RetryPolicy = { ...policy, maxAttempts: 5 };
    const done = withRetry(
      async () => {
        tries++;
        // the connection is made on the second try, which still fails
        if (tries === 2) connected = true;
        if (tries < 4) throw new Transient('dropped');
        return tries;
      },
      () => {
        asked++;
        return connected ? long : short;
      },
      { isTransient: () => true, timer },
    );
    await timer.advance(60_000);
    // the short budget ends at two tries: the long one took over once connected
    await expect(done).resolves.toBe(4);
    expect(asked).toBe(3);
  });

  it('stops waiting when the signal aborts', async () => {
    const { timer } = manualTime();
    const controller = new AbortController();
    const down = alwaysFailing(() => new Transient('down'));
    const done = withRetry(down.fn, policy, { isTransient: () => true, timer, signal: controller.signal });
    const caught = done.catch((err: unknown) => err);
    await timer.advance(100);
    controller.abort(new Error('cancelled'));
    expect(((await caught) as Error).message).toBe('cancelled');
    expect(down.ran.tries).toBe(1);
    expect(timer.size).toBe(0);
  });
});
