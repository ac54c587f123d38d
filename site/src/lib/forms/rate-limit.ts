import { formRateLimit } from '../../../../shared/site-forms';

/**
 * Form posts per IP address in a sliding window, in this server's memory: enough to stop one
 * visitor or script flooding the tables from one address. Each `next start` process (or
 * serverless instance) counts on its own and a restart forgets, so a busy deployment behind
 * several instances needs the host's own rate limiting as well.
 */
export function createRateLimiter(limit: { posts: number; windowMs: number } = formRateLimit, now: () => number = Date.now) {
  const recent = new Map<string, number[]>();
  return {
    /** true when this post may go ahead (and counts it); false when the address has used up the window. */
    allow(key: string): boolean {
      const t = now();
      const kept = (recent.get(key) ?? []).filter((at) => t - at < limit.windowMs);
      // forget addresses that went quiet, so the map holds only the last window's posters
      for (const [k, times] of recent) if (times.every((at) => t - at >= limit.windowMs)) recent.delete(k);
      if (kept.length >= limit.posts) {
        recent.set(key, kept);
        return false;
      }
      kept.push(t);
      recent.set(key, kept);
      return true;
    },
  };
}
