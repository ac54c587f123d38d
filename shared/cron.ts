/**
 * What a cron expression may say, field by field: the scheduler's checker (core/scheduler)
 * names a bad field with these words, and the editor's hint (TriggerPanel's CronHint) is written
 * from the same table, so the two always agree on the accepted forms.
 */

export interface CronField {
  id: 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';
  /** How the founder reads it: "day of week". */
  label: string;
  min: number;
  max: number;
  /** Names accepted for values, lower case, the first standing for `min` (month: jan = 1). */
  names?: readonly string[];
  /** What a name is called in a message: "day name", "month name". */
  nameWord?: string;
  /** The values it takes, in words: "0–7 or sun–sat (0 and 7 are Sunday)". */
  values: string;
}

const second: CronField = { id: 'second', label: 'second', min: 0, max: 59, values: '0–59' };

/** The five fields, in order; a sixth in front is seconds. */
export const cronFields: readonly CronField[] = [
  { id: 'minute', label: 'minute', min: 0, max: 59, values: '0–59' },
  { id: 'hour', label: 'hour', min: 0, max: 23, values: '0–23' },
  { id: 'dayOfMonth', label: 'day of month', min: 1, max: 31, values: '1–31, L (the last day), LW or 15W (the nearest weekday)' },
  {
    id: 'month',
    label: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    nameWord: 'month name',
    values: '1–12 or jan–dec',
  },
  {
    id: 'dayOfWeek',
    label: 'day of week',
    min: 0,
    max: 7,
    names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    nameWord: 'day name',
    values: '0–7 or sun–sat (0 and 7 are Sunday), 5L (the last Friday), mon#2 (the second Monday)',
  },
];

/** The fields of an expression with `count` parts: 5, or 6 with seconds first; undefined otherwise. */
export function cronFieldsFor(count: number): readonly CronField[] | undefined {
  if (count === 5) return cronFields;
  if (count === 6) return [second, ...cronFields];
  return undefined;
}

/** The shorthands accepted instead of five fields. */
export const cronNicknames = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'] as const;

/** The forms every field takes. */
export const cronForms = '*, a value, a range 1-5, a list 1,15 or a step */15 (or 1-30/5)';

/** The field order in one line: "minute hour day-of-month month day-of-week". */
export const cronFieldOrder = cronFields.map((f) => f.label.replaceAll(' ', '-')).join(' ');
