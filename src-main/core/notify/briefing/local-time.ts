/** The machine's own timezone, for a briefing whose timezone setting is empty. */
export function machineTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function parts(at: number, timeZone: string): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, weekday: 'short' });
  return Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
}

/** The local day of a moment, YYYY-MM-DD. */
export function localDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon 7 Dec 08:00` in the timezone: how a line names a moment. */
export function localMoment(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.weekday} ${Number(p.day)} ${months[Number(p.month) - 1]} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** `Monday 7 December 2026`: the day a briefing is of, as its title says it (built from parts: ICU versions differ in their commas). */
export function longDate(at: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
