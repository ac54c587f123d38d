import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/dispatcher';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup() {
  const os = new RecordingNotifier();
  // 1 June 2026, 12:00 UTC
  const t = notifyCore({ os });
  open.push(t);
  t.core.background.start();
  return { ...t, os, shown: () => os.shown.map((n) => [n.title, n.severity, n.body]) };
}

const hosting = (amountMinor: number) => ({ name: 'VPS', category: 'hosting' as const, amountMinor, currency: 'usd', cycle: 'monthly' as const, startDate: '2026-06-01' });

describe('budgets and their alerts', () => {
  it('alerts once at 80% and once at 100% in a month, through the notify rule, and again the next month', async () => {
    const { core, clock, timer, shown } = setup();
    core.costs.setBudget('hosting', 10000);
    const vps = core.costs.add(hosting(7900));
    await timer.runDue();
    expect(shown()).toEqual([]);

    core.costs.update(vps.id, hosting(8000));
    await timer.runDue();
    expect(shown()).toEqual([['Hosting budget at 80% (2026-06)', 'warning', '$80.00 of $100.00 spent this month.']]);

    // still over 80%, looked at again: no second notice this month
    core.costs.update(vps.id, hosting(8500));
    core.costs.checkBudgets();
    await timer.runDue();
    expect(shown()).toHaveLength(1);

    core.costs.add({ ...hosting(1500), name: 'Backups' });
    await timer.runDue();
    expect(shown()[1]).toEqual(['Hosting budget used up (2026-06)', 'critical', '$100.00 of $100.00 spent this month.']);
    expect(core.costs.budgetsView().budgets.find((b) => b.category === 'hosting')).toEqual({ category: 'hosting', budgetMinor: 10000, spentMinor: 10000, usedRatio: 1 });

    // July: both costs go on, so both thresholds are crossed again, once each
    clock.set(Date.UTC(2026, 6, 2, 12));
    core.costs.checkBudgets();
    core.costs.checkBudgets();
    await timer.runDue();
    expect(shown().slice(2).map(([title]) => title)).toEqual(['Hosting budget at 80% (2026-07)', 'Hosting budget used up (2026-07)']);
  });

  it('refuses a budget below zero and an unknown category naming the field; nothing is saved', async () => {
    const { core } = setup();
    const api = createDispatcher(core);
    core.costs.setBudget('tools', 5000);
    expect(await api.call('budgets.set', { category: 'tools', amountMinor: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'amountMinor', message: 'amountMinor: must not be below zero' } });
    expect(await api.call('budgets.set', { category: 'food', amountMinor: 100 })).toMatchObject({ ok: false, error: { field: 'category', message: 'category: must be one of ai, stripe-fees, hosting, domains, tools, other' } });
    expect(await api.call('budgets.set', { category: 'tools', amountMinor: 12.5 })).toMatchObject({ ok: false, error: { field: 'amountMinor', message: 'amountMinor: must be a whole number of minor units (cents)' } });
    expect(core.costs.budgetsView().budgets.find((b) => b.category === 'tools')?.budgetMinor).toBe(5000);
    // 0 removes the budget
    expect((await api.call('budgets.set', { category: 'tools', amountMinor: 0 })).ok).toBe(true);
    expect(core.costs.budgetsView().budgets.find((b) => b.category === 'tools')?.budgetMinor).toBeNull();
  });

  it('refuses a bad recurring cost naming the field (amount, currency, cycle, dates, category); nothing is saved', async () => {
    const { core } = setup();
    const api = createDispatcher(core);
    const bad = async (change: Record<string, unknown>) => {
      const r = await api.call('costs.add', { ...hosting(500), ...change });
      return r.ok ? 'saved' : [r.error.field, r.error.message];
    };
    expect(await bad({ amountMinor: 0 })).toEqual(['amountMinor', 'amountMinor: must be more than 0']);
    expect(await bad({ amountMinor: -300 })).toEqual(['amountMinor', 'amountMinor: must be more than 0']);
    expect(await bad({ amountMinor: 4.9 })).toEqual(['amountMinor', 'amountMinor: must be a whole number of minor units (cents)']);
    expect(await bad({ currency: 'dollars' })).toEqual(['currency', 'currency: must be a three-letter currency code such as usd or EUR']);
    expect(await bad({ cycle: 'weekly' })).toEqual(['cycle', 'cycle: must be one of monthly, yearly, one-off']);
    expect(await bad({ startDate: '2026-02-30' })).toEqual(['startDate', 'startDate: must be a date written YYYY-MM-DD, such as 2026-03-01']);
    expect(await bad({ endDate: '2026-05-31' })).toEqual(['endDate', 'endDate: must not be before startDate']);
    expect(await bad({ category: 'ai' })).toEqual(['category', 'category: must be one of hosting, domains, tools, other']);
    expect(await bad({ name: '  ' })).toEqual(['name', 'name: is required']);
    expect(core.costs.list().costs).toEqual([]);
    expect(await api.call('costs.remove', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
  });
});
