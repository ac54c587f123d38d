import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../../../shared/contract/workflows';
import type { RuleContext } from '../rule-kit';
import type { InsightSources } from '../sources';
import { dfyNotStartedRule, waitThreshold } from './dfy-not-started';
import { endpointP95Rule, minRequests } from './endpoint-p95';
import { failingWorkflowRule, minRuns } from './failing-workflow';
import { monitorDownRule } from './monitor-down';
import { churnThreshold, mrrChurnRule } from './mrr-churn';
import { omegaSlotsRule } from './omega-slots';
import { staleBackupsRule } from './stale-backups';

/** Each rule at its documented threshold and just past it, over hand-made data (the rules are pure functions of their sources). */
const now = Date.UTC(2026, 5, 15, 12);
const hour = 3_600_000;
const day = 24 * hour;

function ctx(over: Partial<InsightSources> = {}): RuleContext {
  const sources: InsightSources = {
    revenue: { churn: () => null, churnedCustomers: () => [], failedPayments: () => ({ count: 0, byCurrency: {}, lastAt: null, chargeIds: [] }) },
    endpointLatency: () => [],
    launches: () => [],
    workflows: () => [],
    runCounts: () => ({ finished: 0, failed: 0 }),
    monitors: () => [],
    backups: { stalePlans: () => [] },
    paidDfyRequests: () => [],
    healingSteps: () => [],
    ...over,
  };
  return { sources, now };
}

describe('insight rule thresholds', () => {
  it('mrr-churn: 5% exactly is not a finding, just above is', () => {
    const churn = (rate: number) => ctx({ revenue: { ...ctx().sources.revenue, churn: () => ({ month: '2026-06', currency: 'usd', grossMrrChurnRate: rate, mrrStart: 10_000, churn: rate * 10_000 }) } });
    expect(mrrChurnRule.evaluate(churn(churnThreshold))).toEqual([]);
    expect(mrrChurnRule.evaluate(churn(0.051))).toHaveLength(1);
  });

  it('endpoint-p95: twice last week with enough requests; 1.9× or too few requests is not', () => {
    const latency = (p95: number, requests: number) => ctx({ endpointLatency: (from) => [{ endpoint: '/a', method: 'GET', requests, p95Ms: from < now - 7 * day ? 100 : p95 }] });
    expect(endpointP95Rule.evaluate(latency(200, minRequests))).toHaveLength(1);
    expect(endpointP95Rule.evaluate(latency(190, minRequests))).toEqual([]);
    expect(endpointP95Rule.evaluate(latency(400, minRequests - 1))).toEqual([]);
  });

  it('failing-workflow: 30% of at least 5 finished runs; 29% or 4 runs is not', () => {
    const wf = { id: 'w1', name: 'W', lastRun: { runId: 'r', status: 'failed', at: now - hour }, successRate: 0.5 } as WorkflowSummary;
    const runs = (finished: number, failed: number) => ctx({ workflows: () => [wf], runCounts: () => ({ finished, failed }) });
    expect(failingWorkflowRule.evaluate(runs(10, 3))).toHaveLength(1);
    expect(failingWorkflowRule.evaluate(runs(100, 29))).toEqual([]);
    expect(failingWorkflowRule.evaluate(runs(minRuns - 1, 4))).toEqual([]);
  });

  it('omega-slots: within a day of the launch and none filled; two days before, or one slot filled, is not', () => {
    const launch = (launchAt: number, filled: number) => ctx({ launches: () => [{ slug: 'p', name: 'P', launchAt, slots: () => ({ filled, total: 70 }) }] });
    expect(omegaSlotsRule.evaluate(launch(now + day, 0))).toHaveLength(1);
    expect(omegaSlotsRule.evaluate(launch(now + 2 * day, 0))).toEqual([]);
    expect(omegaSlotsRule.evaluate(launch(now + hour, 1))).toEqual([]);
  });

  it('monitor-down: DOWN over an hour; an hour exactly, or paused, is not', () => {
    const monitor = (downFor: number, paused = false) => ctx({ monitors: () => [{ id: 'm1', name: 'shop', state: 'DOWN', paused, lastChangeAt: now - downFor, createdAt: 0, failures: 3, lastMessage: null } as never] });
    expect(monitorDownRule.evaluate(monitor(hour + 1))).toHaveLength(1);
    expect(monitorDownRule.evaluate(monitor(hour))).toEqual([]);
    expect(monitorDownRule.evaluate(monitor(2 * hour, true))).toEqual([]);
  });

  it('stale-backups: each stale plan, its healing step when Guardian proposes one, else Backups', () => {
    const stale = { planId: 'p1', plan: 'nightly', schedule: { every: 'day' }, intervalMs: day, lastSuccessAt: now - 3 * day, ageMs: 3 * day } as never;
    expect(staleBackupsRule.evaluate(ctx({ backups: { stalePlans: () => [stale] } }))).toMatchObject([{ id: 'stale-backups:p1', finding: 'Backup plan "nightly" is stale: its last successful backup is 3 days old', suggestedAction: { kind: 'open-area', area: 'backups' }, class: 'A' }]);
    expect(staleBackupsRule.evaluate(ctx({ backups: { stalePlans: () => [stale] }, healingSteps: () => [{ id: 'check_backup_repository:nightly', class: 'A' }, { id: 'run_backup_now:nightly', class: 'B' }] }))).toMatchObject([{ suggestedAction: { kind: 'healing', stepId: 'run_backup_now:nightly' }, class: 'B' }]);
  });

  it('dfy-not-started: paid more than two days ago; two days exactly is not', () => {
    const paid = (ago: number) => ctx({ paidDfyRequests: () => [{ id: 'd1', name: 'Client', paidAt: now - ago }] });
    expect(dfyNotStartedRule.evaluate(paid(waitThreshold + 1))).toHaveLength(1);
    expect(dfyNotStartedRule.evaluate(paid(waitThreshold))).toEqual([]);
  });
});
