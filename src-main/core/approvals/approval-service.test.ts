import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { approvalSubjectKinds, type Approval } from '../../../shared/contract/approvals';
import { createCore } from '..';
import { ManualClock } from '../clock';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { EventBus } from '../event-bus';
import { ApprovalService, defineApprovalSubject, type SubjectApprovalRequest } from '.';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** The approval system alone on a migrated database: no capability has registered anything. */
function bare() {
  const db = openDatabase(join(tempDir(), 'levqor.db'));
  migrate(db);
  closers.push(() => db.close());
  const events = new EventBus();
  const seen: string[] = [];
  events.subscribe((name, payload) => seen.push(`${name} ${(payload as Approval).status}`));
  const approvals = new ApprovalService({ db, clock: new ManualClock(Date.UTC(2026, 5, 1)), events });
  return { approvals, seen };
}

const upload = (ref: string): SubjectApprovalRequest => ({
  subject: { kind: 'product.upload', ref, title: `Upload ${ref}` },
  action: 'drive.upload',
  class: 'B',
  stage: 'pre-launch',
  message: `upload ${ref}`,
  preview: { ref },
  requestedBy: 'test',
  timeoutMs: 60_000,
});

describe('the approval subjects', () => {
  it('createCore registers one subject for every kind the contract lists', () => {
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'a'.repeat(64) }, logToFile: false });
    closers.push(() => core.close());
    expect([...core.approvals.subjectKinds].sort()).toEqual([...approvalSubjectKinds].sort());
  });

  it('refuses a kind registered twice', () => {
    const { approvals } = bare();
    approvals.registerSubject(defineApprovalSubject({ kind: 'product.upload', decided: () => ({ ok: true, message: 'sent' }) }));
    expect(() => approvals.registerSubject(defineApprovalSubject({ kind: 'product.upload', decided: () => undefined }))).toThrow('approval subject product.upload is registered twice');
  });

  it('says so in the outcome when no subject of that kind is registered in this process', async () => {
    const { approvals } = bare();
    const a = approvals.request(upload('u1'));
    approvals.approve(a.id);
    await approvals.settled();
    expect(approvals.get(a.id).outcome).toMatchObject({ ok: false, message: 'nothing in this process acts on product.upload approvals' });
  });

  it('hands each decision to its subject, stores what it did, and only then calls recorded', async () => {
    const { approvals, seen } = bare();
    const atRecorded: unknown[] = [];
    approvals.registerSubject(
      defineApprovalSubject({
        kind: 'product.upload',
        decided: async (a) => ({ ok: true, message: `${a.status}: ${a.subject.ref}` }),
        recorded: (a) => void atRecorded.push([approvals.get(a.id).outcome?.message, seen.at(-1)]),
      }),
    );
    const a = approvals.request(upload('u1'));
    approvals.reject(a.id, { reason: 'not now' });
    await approvals.settled();
    expect(approvals.get(a.id)).toMatchObject({ status: 'rejected', reason: 'not now', outcome: { ok: true, message: 'rejected: u1' } });
    expect(atRecorded).toEqual([['rejected: u1', 'approval.applied rejected']]);
    expect(seen).toEqual(['approval.requested pending', 'approval.decided rejected', 'approval.applied rejected']);
  });

  it('stores no outcome for a subject that reports elsewhere, and a throw as a failed outcome', async () => {
    const { approvals, seen } = bare();
    approvals.registerSubject(defineApprovalSubject({ kind: 'product.upload', decided: () => undefined }));
    approvals.registerSubject(
      defineApprovalSubject({
        kind: 'guardian.healing',
        decided: () => {
          throw new Error('the monitor is gone');
        },
      }),
    );
    const quiet = approvals.request(upload('u1'));
    const failing = approvals.request({ ...upload('h1'), subject: { kind: 'guardian.healing', ref: 'h1', title: 'Re-check' } });
    approvals.approve(quiet.id);
    approvals.approve(failing.id);
    await approvals.settled();
    expect(approvals.get(quiet.id).outcome).toBeNull();
    expect(approvals.get(failing.id).outcome).toMatchObject({ ok: false, result: 'bad', message: 'the monitor is gone' });
    expect(seen.filter((e) => e.startsWith('approval.applied'))).toHaveLength(1);
  });
});
