/**
 * Quiet hours per channel, as the founder writes them in the setting notify.quietHours: a JSON
 * map from channel id to a local-time span, `{"telegram": "22:00-07:00", "slack": "23:30-06:00"}`.
 * A span that ends before it starts runs over midnight; start = end is refused (a whole day of
 * quiet is turning the channel off, not quiet hours).
 */
export const quietHoursRule = 'must be a JSON map from channel ids to local-time spans "HH:MM-HH:MM", such as {"telegram": "22:00-07:00"}';

/** Minutes after local midnight: [start, end). */
export interface QuietSpan {
  start: number;
  end: number;
}

const spanPattern = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const channelPattern = /^[a-z][a-z0-9-]{0,31}$/;

/** The span, or why the text is not one. */
export function parseQuietSpan(text: string): QuietSpan | string {
  const m = spanPattern.exec(text.trim());
  if (!m) return `"${text}" is not a span "HH:MM-HH:MM" of 24-hour local times`;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (start === end) return `"${text}" starts and ends at the same minute`;
  return { start, end };
}

/** Every problem of a quiet-hours map, each naming the channel; empty when it is fine. */
export function quietHoursProblems(map: unknown): string[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return [quietHoursRule];
  const problems: string[] = [];
  for (const [channel, span] of Object.entries(map)) {
    if (!channelPattern.test(channel)) problems.push(`"${channel}" is not a channel id (such as telegram, slack, email, os)`);
    else if (typeof span !== 'string') problems.push(`${channel}: must be a span "HH:MM-HH:MM"`);
    else {
      const parsed = parseQuietSpan(span);
      if (typeof parsed === 'string') problems.push(`${channel}: ${parsed}`);
    }
  }
  return problems;
}

/** The end of the quiet span `now` falls in (epoch ms, local time), or undefined when `now` is not quiet. */
export function quietUntil(span: QuietSpan, now: number): number | undefined {
  const d = new Date(now);
  const minute = d.getHours() * 60 + d.getMinutes();
  const overMidnight = span.end < span.start;
  const inside = overMidnight ? minute >= span.start || minute < span.end : minute >= span.start && minute < span.end;
  if (!inside) return undefined;
  const end = new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(span.end / 60), span.end % 60);
  // over midnight and still before it: the span ends tomorrow
  if (overMidnight && minute >= span.start) end.setDate(end.getDate() + 1);
  return end.getTime();
}
