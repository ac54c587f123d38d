import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classRank, type StepClass } from '../../../../shared/workflow';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { CountingServer } from '../../../../tests/helpers/workflows/http-server';

/**
 * Property: whatever the workflow, the stage and the founder's decisions, a Class
 * C step never does its work without an approval decided before it ran; and in pre-launch a
 * Class B step never does its work without an approval either: its own, or that of the
 * approval step(s) directly before it when only approval steps lead to it
 * (shared/approval-cover.ts).
 */
type Kind = 'log' | 'get' | 'post' | 'approval' | 'transform';
const floor: Record<Kind, StepClass> = { log: 'A', get: 'A', post: 'B', approval: 'C', transform: 'A' };

const nodeArb = fc.record({
  kind: fc.constantFrom<Kind>('log', 'get', 'post', 'approval', 'transform'),
  raise: fc.constantFrom<StepClass | undefined>(undefined, 'A', 'B', 'C'),
  timeout: fc.constantFrom<string | undefined>(undefined, '1h'),
  onTimeout: fc.constantFrom<'reject' | 'skip'>('reject', 'skip'),
});

const caseArb = fc.record({
  stage: fc.constantFrom<'pre-launch' | 'post-launch'>('pre-launch', 'post-launch'),
  nodes: fc.array(nodeArb, { minLength: 1, maxLength: 6 }),
  edgeBits: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
  decisions: fc.array(fc.constantFrom<'approve' | 'reject' | 'wait'>('approve', 'reject', 'wait'), { minLength: 8, maxLength: 8 }),
});

let t: TestCore;
let server: CountingServer;
beforeAll(async () => {
  server = await new CountingServer().start();
  t = testCore({ stage: null });
  // approval timeouts fire as the test moves time, as in the app
  t.core.engine.startBackground();
});
afterAll(async () => {
  t.cleanup();
  await server.stop();
});

describe('approvals (property)', () => {
  it('never executes a Class C step (either stage) or a pre-launch Class B step without an approval', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        t.core.stage.set(c.stage);
        const tag = `case${counter++}`;
        const nodes = c.nodes.map((n, i) => {
          const id = `n${i}`;
          const cls = n.raise && classRank(n.raise) >= classRank(floor[n.kind]) ? n.raise : undefined;
          const params =
            n.kind === 'log'
              ? { message: `${tag}:${id}` }
              : n.kind === 'transform'
                ? { expression: `'${tag}:${id}'` }
                : n.kind === 'approval'
                  ? { message: `ok ${id}?` }
                  : { method: n.kind === 'get' ? 'GET' : 'POST', url: `${server.url}/${tag}/${id}` };
          return {
            id,
            type: n.kind === 'get' || n.kind === 'post' ? 'http.request' : n.kind,
            params,
            ...(cls ? { class: cls } : {}),
            ...(n.timeout ? { approval: { timeout: n.timeout, onTimeout: n.onTimeout } } : {}),
          };
        });
        const edges: { from: string; to: string }[] = [];
        let bit = 0;
        for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (c.edgeBits[bit++ % c.edgeBits.length]) edges.push({ from: `n${i}`, to: `n${j}` });
        const doc = { name: tag, trigger: { type: 'manual' }, nodes, edges };
        expect(t.core.workflows.validate(doc).errors).toEqual([]);

        let result = await t.core.workflows.run({ workflow: doc, wait: true });
        for (const decision of c.decisions) {
          if (result.status !== 'waiting') break;
          const pending = t.core.approvals.list({ runId: result.runId, status: 'pending', limit: 10 });
          if (pending.length === 0) break;
          const a = pending[0]!;
          if (decision === 'approve') t.core.approvals.approve(a.id, { by: 'prop' });
          else if (decision === 'reject') t.core.approvals.reject(a.id, { by: 'prop' });
          else {
            await t.timer.advance(2 * 3_600_000);
            await t.core.engine.drain();
          }
          result = await t.core.runs.wait(result.runId);
        }
        if (result.status === 'waiting') await t.core.runs.cancel(result.runId);

        const detail = t.core.runs.get(result.runId);
        const approvals = detail.approvals;
        const audit = t.core.engine.audit.forRun(result.runId);
        for (const step of detail.steps) {
          const node = nodes.find((n) => n.id === step.id)!;
          if (step.class !== 'C') continue;
          const approved = approvals.find((a) => a.nodeId === step.id && a.status === 'approved');
          // evidence that the step did its work
          const hit = server.hitsOn(`/${tag}/${step.id}`).length > 0;
          const logged = detail.logs.some((l) => l.message === `${tag}:${step.id}`);
          const realAudit = audit.filter((e) => e.nodeId === step.id && e.mode === 'real');
          const ran = hit || logged || realAudit.length > 0 || (step.status === 'succeeded' && step.mode === 'real');
          if (ran) {
            expect(approved, `C step ${step.id} (${node.type}) ran without approval`).toBeDefined();
            for (const e of realAudit) {
              expect(e.decision).toBe('approved');
              expect(e.approvalId).toBe(approved!.id);
              expect(e.at).toBeGreaterThanOrEqual(approved!.decidedAt!);
            }
          }
          expect(step.mode).not.toBe('dry-run');
        }
        // and a Class B step in pre-launch never sent anything without an approval either:
        // its own, or one of the approval steps directly before it (all that leads to it)
        for (const step of detail.steps) {
          if (step.class !== 'B' || c.stage !== 'pre-launch') continue;
          const hit = server.hitsOn(`/${tag}/${step.id}`).length > 0;
          if (!hit) continue;
          const own = approvals.find((a) => a.nodeId === step.id && a.status === 'approved');
          const before = edges.filter((e) => e.to === step.id).map((e) => nodes.find((n) => n.id === e.from)!);
          const covered = before.length > 0 && before.every((n) => n.type === 'approval') && before.some((n) => approvals.some((a) => a.nodeId === n.id && a.status === 'approved'));
          expect(own ?? covered, `B step ${step.id} sent in pre-launch without an approval`).toBeTruthy();
          const real = audit.filter((e) => e.nodeId === step.id && e.mode === 'real');
          for (const e of real) expect(approvals.find((a) => a.id === e.approvalId)?.status).toBe('approved');
        }
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? 20260105) },
    );
  }, 120_000);
});
