import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { cronFieldProblems } from './cron-check';
import { cronProblem } from './cron';

const croner = (expr: string): boolean => {
  try {
    new Cron(expr, { paused: true, mode: '5-or-6-parts' });
    return true;
  } catch {
    return false;
  }
};

describe('cron errors name every bad field, by position and what was typed', () => {
  it('says which field holds a word that is not a day name, without croner\u2019s rewrite', () => {
    const why = cronProblem('0 9 * * mon-fry');
    expect(why).toBe('day of week: `mon-fry` — `fry` is not a day name (0–7 or sun–sat (0 and 7 are Sunday), 5L (the last Friday), mon#2 (the second Monday))');
    expect(why).not.toContain('1-fry');
    expect(why).not.toMatch(/illegal|configuration entry/);
  });

  it('names all the bad fields, not only the last', () => {
    expect(cronFieldProblems('61 25 32 13 8')).toEqual([
      'minute: `61` is out of range (0–59)',
      'hour: `25` is out of range (0–23)',
      'day of month: `32` is out of range (1–31, L (the last day), LW or 15W (the nearest weekday))',
      'month: `13` is out of range (1–12 or jan–dec)',
      'day of week: `8` is out of range (0–7 or sun–sat (0 and 7 are Sunday), 5L (the last Friday), mon#2 (the second Monday))',
    ]);
    expect(cronProblem('61 25 * * *')).toBe('minute: `61` is out of range (0–59); hour: `25` is out of range (0–23)');
  });

  it('explains the shape of a field: steps, ranges, lists, the field count and shorthands', () => {
    expect(cronFieldProblems('*/0 * * * *')).toEqual(['minute: `*/0` has a step that is not a whole number from 1 (e.g. */15)']);
    expect(cronFieldProblems('0 9 5/2 * *')).toEqual(['day of month: `5/2` steps from a single value; a step follows * or a range (e.g. */2 or 5-31/2)']);
    expect(cronFieldProblems('0 9 * * fri-mon')).toEqual(['day of week: `fri-mon` is a range from high to low; write the lower end first, or a list']);
    expect(cronFieldProblems('0 9 1,,15 * *')).toEqual(['day of month: `1,,15` has an empty entry in its list (*, a value, a range 1-5, a list 1,15 or a step */15 (or 1-30/5))']);
    expect(cronFieldProblems('0 9 1-2-3 * *')).toEqual(['day of month: `1-2-3` is not one of the forms a field takes: *, a value, a range 1-5, a list 1,15 or a step */15 (or 1-30/5)']);
    expect(cronFieldProblems('0 9 * * 1#6')).toEqual(['day of week: `1#6` asks for a week after # that is not 1–5 or L']);
    expect(cronFieldProblems('* * * *')).toEqual(['has 4 fields; write 5 (minute hour day-of-month month day-of-week), or 6 with seconds first']);
    expect(cronFieldProblems('60 0 9 * * *')).toEqual(['second: `60` is out of range (0–59)']);
    expect(cronFieldProblems('@every')).toEqual(['`@every` is not a shorthand the scheduler knows (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)']);
  });

  it('accepts what croner accepts', () => {
    for (const ok of ['0 9 * * 1-5', '0 9 * * mon-fri', '*/15 * * * *', '0 9 L * *', '0 9 LW * *', '0 9 15W * *', '0 9 * * 5L', '0 9 * * MON#2', '0 9 * * 1#L', '0 9 * jan-mar *', '0 9 * 1-12/2 *', '0 0 9 * * *', '@daily', '0 9 ? * ?', '0 9 * * 7']) {
      expect(cronFieldProblems(ok), ok).toEqual([]);
      expect(cronProblem(ok), ok).toBeUndefined();
    }
    expect(cronProblem('0 9 31 2 *')).toMatch(/^never fires/);
  });

  it('names a field of every random expression croner refuses', () => {
    const pieces = ['*', '?', '0', '1', '5', '7', '8', '12', '13', '23', '24', '31', '32', '59', '60', 'L', 'LW', '15W', '40W', 'mon', 'fri', 'fry', 'jan', 'dec', 'jul', 'sun', 'sat', '5L', 'monL', 'mon#2', '1#6', '1#L', '-', 'x', '1.5', ''];
    // mulberry32: a small seeded generator, so a failure repeats
    let seed = 42;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
    };
    const piece = () => pieces[next(pieces.length)] as string;
    const entry = (): string => {
      switch (next(6)) {
        case 0:
          return `${piece()}-${piece()}`;
        case 1:
          return `*/${piece()}`;
        case 2:
          return `${piece()}-${piece()}/${piece()}`;
        case 3:
          return `${piece()},${piece()}`;
        default:
          return piece() || '*';
      }
    };
    const unexplained: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const expr = Array.from({ length: 5 }, () => (next(2) === 0 ? '*' : entry())).join(' ');
      // croner is the authority and reads some odd entries loosely (31-60/23); the checker is
      // asked only once croner refuses, so what matters is that it then always names a field
      if (croner(expr)) accepted++;
      else if (cronFieldProblems(expr).length === 0) unexplained.push(expr);
    }
    expect(unexplained).toEqual([]);
    expect(accepted).toBeGreaterThan(100);
  });
});
