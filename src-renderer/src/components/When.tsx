import { formatClock, formatRelative, formatTime, formatTimeExact } from '../format/time';

const shows = {
  /** "7 Dec 2026, 14:05" */
  time: (at: number) => formatTime(at),
  /** "7 Dec 2026, 14:05:09" */
  exact: (at: number) => formatTimeExact(at),
  /** "7 Dec 2026, 14:05:09.123" */
  exactMs: (at: number) => formatTimeExact(at, true),
  /** "14:05:09": lines of one run, whose date is in the heading */
  clock: (at: number) => formatClock(at),
  /** "3 min ago": recency */
  relative: (at: number, now: number) => formatRelative(at, now),
};

/**
 * A moment on the page in the house style (format/time.ts). The exact time is always in the
 * tooltip and the machine-readable instant in `dateTime`, never in the text.
 */
export function When({ at, show = 'time', now = Date.now() }: { at: number; show?: keyof typeof shows; now?: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatTimeExact(at, show === 'exactMs')}>
      {shows[show](at, now)}
    </time>
  );
}
