import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPlanRunPolicy } from '../../../shared/backup';
import type { UpdatePlanInput } from '../../../shared/contract/backup';
import { CoreError } from '../errors';
import { editedPlan, planFromInput } from './plan-input';

const folder = mkdtempSync(join(tmpdir(), 'levqor-plan-input-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const plan = planFromInput({ name: 'business', repo: '/srv/backups/levqor', password: 'secret', sources: [{ kind: 'app' }], schedule: '0 3 * * *', timezone: 'UTC', retention: { keepDaily: 7 }, checkSchedule: '0 4 * * 0' }, 'id-1', 1_000, 'UTC');

/** The field and message of the error `edit` throws. */
function refusal(changes: Omit<UpdatePlanInput, 'plan'>): { field: string | undefined; message: string } {
  try {
    editedPlan(plan, { plan: 'business', ...changes }, 2_000);
  } catch (err) {
    if (err instanceof CoreError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('a plan from input', () => {
  it('a new plan has the run policy every plan had before plans had their own, unless given', () => {
    expect(plan.runPolicy).toEqual(defaultPlanRunPolicy);
    const own = planFromInput({ name: 'p', repo: '/r', password: 'x', sources: [{ kind: 'app' }], retries: 0, retryDelay: '5m', overlap: 'queue', catchUp: 'none', checkTimeout: '3h' }, 'id-2', 1, 'UTC');
    expect(own.runPolicy).toEqual({ retries: 0, retryDelayMs: 300_000, overlap: 'queue', catchUp: 'none', checkTimeoutMs: 10_800_000 });
  });

  it('an edit changes what is given, keeps the rest, and takes away what is null', () => {
    const edited = editedPlan(plan, { plan: 'business', schedule: null, retention: { keepLast: 2 }, client: { name: 'Acme' }, sources: [{ kind: 'folder', path: folder }], retries: 5 }, 2_000);
    expect(edited).toEqual({
      ...plan,
      scheduleCron: null,
      retention: { keepLast: 2 },
      owner: { kind: 'client', name: 'Acme' },
      sources: [{ kind: 'folder', path: folder }],
      runPolicy: { ...defaultPlanRunPolicy, retries: 5 },
      updatedAt: 2_000,
    });
    expect(editedPlan(edited, { plan: 'business', client: null, checkSchedule: null }, 3_000)).toMatchObject({ owner: { kind: 'own' }, checkCron: null, scheduleCron: null, repository: plan.repository });
    // a change within the same millisecond is still a new version for the scheduler
    expect(editedPlan(plan, { plan: 'business', retries: 1 }, plan.updatedAt).updatedAt).toBe(plan.updatedAt + 1);
  });

  it('an edit is checked by the rules of a new plan, each fault naming its field', () => {
    expect(refusal({ schedule: '0 0 31 2 *' })).toMatchObject({ field: 'schedule', message: expect.stringContaining('never fires') });
    expect(refusal({ timezone: 'Mars/Olympus' })).toMatchObject({ field: 'timezone' });
    expect(refusal({ sources: [{ kind: 'folder', path: join(folder, 'gone') }] })).toMatchObject({ field: 'sources.0.path', message: expect.stringContaining('is not a folder on this machine') });
    expect(refusal({ sources: [{ kind: 'app' }, { kind: 'app' }] })).toMatchObject({ field: 'sources.1' });
    expect(refusal({ retention: { keepDaily: 0 } })).toMatchObject({ field: 'retention.keepDaily', message: expect.stringContaining('must be at least 1') });
    expect(refusal({ retryDelay: '0s' })).toMatchObject({ field: 'retryDelay', message: expect.stringContaining('between 1s and 1d') });
    expect(refusal({ overlap: 'allow' as never })).toMatchObject({ field: 'overlap', message: expect.stringContaining('must be skip or queue') });
    expect(refusal({ repo: '/elsewhere' } as never)).toMatchObject({ field: 'repo', message: expect.stringContaining('a plan keeps its repository and its password') });
    expect(refusal({ password: 'new' } as never)).toMatchObject({ field: 'password' });
  });
});
