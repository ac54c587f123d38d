import { describe, expect, it } from 'vitest';
import { cronSchedulesOf, slotOf } from './cron-schedules';

describe('the slot a cron job stands for', () => {
  it('is the latest fire time at or before the job was made, in the schedule\u2019s timezone', () => {
    const made = Date.parse('2026-12-07T09:00:41Z');
    expect(slotOf({ workflowId: 'w', expr: '* * * * *', timezone: 'UTC' }, made)).toBe(Date.parse('2026-12-07T09:00:00Z'));
    // 10:00 in Paris is 09:00 UTC in December
    expect(slotOf({ workflowId: 'w', expr: '0 10 * * *', timezone: 'Europe/Paris' }, made)).toBe(Date.parse('2026-12-07T09:00:00Z'));
    // a job made exactly on its slot names that slot
    expect(slotOf({ workflowId: 'w', expr: '*/5 * * * *', timezone: 'UTC' }, Date.parse('2026-12-07T09:05:00Z'))).toBe(Date.parse('2026-12-07T09:05:00Z'));
  });

  it('takes only cron triggers into pg-boss schedules', () => {
    expect(
      cronSchedulesOf([
        { workflowId: 'a', document: { trigger: { type: 'cron', expr: '0 9 * * 1', timezone: 'America/New_York' } } },
        { workflowId: 'b', document: { trigger: { type: 'manual' } } },
      ]),
    ).toEqual([{ workflowId: 'a', expr: '0 9 * * 1', timezone: 'America/New_York' }]);
  });
});
