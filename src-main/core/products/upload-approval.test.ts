import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { goodToken, startFakeDrive, type FakeDrive } from '../../../tests/helpers/drive-server';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { ManualClock } from '../clock';
import { uploadApprovalTimeoutMs } from './upload-approval';

const slug = sampleSpec.slug;
const credentials = JSON.stringify({ access_token: goodToken });
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real core in pre-launch (stage not pinned by the environment, so the test may switch it) with a local Drive. */
async function preLaunchSite(options: { credentials?: boolean } = {}) {
  const drive: FakeDrive = await startFakeDrive();
  cleanups.push(() => drive.close());
  const clock = new ManualClock(Date.UTC(2026, 4, 1));
  const env: NodeJS.ProcessEnv = { LEVQOR_DRIVE_ROOT_URL: drive.url, LEVQOR_SECRET_KEY: 'd'.repeat(64) };
  if (options.credentials !== false) env.LEVQOR_DRIVE_CREDENTIALS = credentials;
  const s = productSite({ clock, env });
  cleanups.push(() => s.core.close());
  s.core.products.create(productSpecSchema.parse(sampleSpec));
  writeContent(s.productsDir, slug, { 'guide.md': '# Guide\n'.repeat(50) });
  const events: string[] = [];
  s.core.events.subscribe((name) => name.startsWith('approval.') && events.push(name));
  return { ...s, clock, drive, events };
}

describe('pre-launch Drive uploads go through the approval system', () => {
  it('a compile asks for a Class B approval with the plan as its preview; approving it uploads to Drive', async () => {
    const { core, drive, events } = await preLaunchSite();
    const result = await core.products.compile(slug, { upload: true });
    expect(result.upload).toMatchObject({ status: 'needs-approval', approvalId: expect.any(String) });
    expect(drive.requests).toEqual([]);

    const approval = core.approvals.get(result.upload!.approvalId!);
    expect(approval).toMatchObject({
      subject: { kind: 'product.upload', ref: result.upload!.id, title: `Upload ${slug}-1.0.0.zip to Google Drive` },
      runId: null,
      nodeId: null,
      workflowName: null,
      stepType: 'drive.upload',
      class: 'B',
      stage: 'pre-launch',
      status: 'pending',
      onTimeout: 'reject',
      expiresAt: core.clock.now() + uploadApprovalTimeoutMs,
      preview: { slug, sha256: result.sha256, plan: { fileName: `${slug}-1.0.0.zip`, supportsAllDrives: true, permission: { type: 'anyone', role: 'reader' } } },
      outcome: null,
    });
    expect(core.approvals.list({ status: 'pending', limit: 10 })).toEqual([approval]);
    // the dry run is in the side-effect audit
    expect(core.approvals.auditFor('product.upload', result.upload!.id)).toEqual([expect.objectContaining({ mode: 'dry-run', decision: 'pre-launch', approvalId: approval.id })]);

    // compiling the same archive again reuses the upload and its approval
    const again = await core.products.compile(slug, { upload: true });
    expect(again.upload).toMatchObject({ id: result.upload!.id, approvalId: approval.id });
    expect(core.approvals.list({ kind: 'product.upload', limit: 10 })).toHaveLength(1);

    expect(core.approvals.approve(approval.id, { by: 'ada', reason: 'ship it' })).toMatchObject({ status: 'approved', decidedBy: 'ada' });
    await core.approvals.settled();
    const upload = core.products.listUploads()[0]!;
    expect(upload).toMatchObject({ status: 'done', driveDownloadUrl: expect.stringMatching(/^https:\/\/drive\.google\.com\//) });
    expect([...drive.files.values()][0]!.data.equals(readFileSync(result.zipPath))).toBe(true);
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: true, result: 'good', message: expect.stringContaining('uploaded to Drive') });
    expect(core.approvals.auditFor('product.upload', upload.id).map((a) => [a.mode, a.decision])).toEqual([
      ['dry-run', 'pre-launch'],
      ['real', 'approved'],
    ]);
    expect(events).toEqual(['approval.requested', 'approval.decided', 'approval.applied']);
  });

  it('an approved upload that cannot reach Drive stays approved: queued, retried with backoff, sent once Drive answers', async () => {
    const { core, clock } = await preLaunchSite({ credentials: false });
    const result = await core.products.compile(slug, { upload: true });
    core.approvals.approve(result.upload!.approvalId!);
    await core.approvals.settled();
    expect(core.products.listUploads()[0]).toMatchObject({ status: 'queued', lastError: expect.stringContaining('google.driveCredentials') });
    expect(core.approvals.get(result.upload!.approvalId!).outcome).toMatchObject({ ok: true, result: 'warn', message: expect.stringContaining('queued') });

    core.secrets.set('google.driveCredentials', credentials);
    clock.advance(30_000);
    // still pre-launch: the approval is what lets the queue send it
    expect(await core.products.uploads.processDue()).toEqual({ attempted: 1, uploaded: 1 });
  });

  it('rejecting sends nothing and marks the upload rejected; a new compile asks again', async () => {
    const { core, drive } = await preLaunchSite();
    const result = await core.products.compile(slug, { upload: true });
    core.approvals.reject(result.upload!.approvalId!, { by: 'ada', reason: 'not yet' });
    await core.approvals.settled();
    expect(core.products.listUploads()[0]).toMatchObject({ status: 'rejected', lastError: 'approval rejected by ada: not yet' });
    expect(await core.products.sendUploads()).toMatchObject({ attempted: 0, uploaded: 0 });
    expect(drive.requests).toEqual([]);
    expect(core.approvals.auditFor('product.upload', result.upload!.id).at(-1)).toMatchObject({ mode: 'blocked', decision: 'rejected' });
    expect(core.approvals.get(result.upload!.approvalId!).outcome).toMatchObject({ ok: true, result: 'none', message: expect.stringContaining('nothing was sent') });

    const again = await core.products.compile(slug, { upload: true });
    expect(again.upload).toMatchObject({ status: 'needs-approval' });
    expect(again.upload!.id).not.toBe(result.upload!.id);
    expect(core.approvals.get(again.upload!.approvalId!).status).toBe('pending');
  });

  it('no decision within the timeout rejects it: swept, marked rejected, nothing sent; a late decision is refused', async () => {
    const { core, clock, drive } = await preLaunchSite();
    const result = await core.products.compile(slug, { upload: true });
    const id = result.upload!.approvalId!;
    clock.advance(uploadApprovalTimeoutMs - 1);
    expect(core.approvals.sweepExpired()).toEqual([]);
    clock.advance(1);
    expect(() => core.approvals.approve(id)).toThrow(/timed out/);
    await core.approvals.settled();
    expect(core.approvals.get(id)).toMatchObject({ status: 'expired', decidedBy: 'timeout', outcome: { ok: true } });
    expect(core.products.listUploads()[0]).toMatchObject({ status: 'rejected', lastError: expect.stringContaining('approval expired') });
    expect(drive.requests).toEqual([]);
  });

  it('the background sweep expires pending upload approvals', async () => {
    const { core, clock } = await preLaunchSite();
    const result = await core.products.compile(slug, { upload: true });
    clock.advance(uploadApprovalTimeoutMs);
    const stop = core.approvals.backgroundTask().start();
    await core.approvals.settled();
    await stop?.();
    expect(core.approvals.get(result.upload!.approvalId!).status).toBe('expired');
    expect(core.products.listUploads()[0]!.status).toBe('rejected');
  });

  it('a newer compile supersedes the older pending upload and cancels its approval', async () => {
    const { core, productsDir } = await preLaunchSite();
    const first = await core.products.compile(slug, { upload: true });
    writeContent(productsDir, slug, { 'changelog.md': 'v2' });
    const second = await core.products.compile(slug, { upload: true });
    expect(core.products.listUploads().map((u) => [u.sha256, u.status])).toEqual([
      [second.sha256, 'needs-approval'],
      [first.sha256, 'superseded'],
    ]);
    expect(core.approvals.get(first.upload!.approvalId!)).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('superseded by a newer build') });
    expect(core.approvals.list({ status: 'pending', limit: 10 }).map((a) => a.id)).toEqual([second.upload!.approvalId]);
    // deciding the withdrawn one is refused
    expect(() => core.approvals.approve(first.upload!.approvalId!)).toThrow(/already cancelled/);
  });

  it('switching to post-launch cancels pending upload approvals with the reason and queues their uploads', async () => {
    const { core } = await preLaunchSite();
    const result = await core.products.compile(slug, { upload: true });
    core.stage.set('post-launch');
    expect(core.approvals.get(result.upload!.approvalId!)).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('post-launch') });
    expect(core.products.listUploads()[0]).toMatchObject({ status: 'queued' });
    expect(await core.products.sendUploads()).toMatchObject({ attempted: 1, uploaded: 1 });
    expect(core.approvals.auditFor('product.upload', result.upload!.id).at(-1)).toMatchObject({ mode: 'real', decision: 'not-required', approvalId: null });
  });

  it('in post-launch a compile uploads without asking', async () => {
    const { core } = await preLaunchSite();
    core.stage.set('post-launch');
    const result = await core.products.compile(slug, { upload: true });
    expect(result).toMatchObject({ uploaded: true, upload: { status: 'done' } });
    expect(result.upload!.approvalId).toBeUndefined();
    expect(core.approvals.list({ limit: 10 })).toEqual([]);
  });
});
