import { afterEach, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../../tests/helpers/postgres';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { until } from '../../../../tests/helpers/workflows/wait';

const server = usePostgres();
let t: TestCore | undefined;

afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('lead.update, started by lead.created', () => {
  it('the lead.created trigger takes a filter and nothing else, and is stored as its own trigger type', () => {
    t = testCore();
    const doc = (trigger: unknown) => ({ name: 'x', trigger, nodes: [{ id: 'a', type: 'log', params: { message: 'hi' } }], edges: [] });
    expect(t.core.workflows.validate(doc({ type: 'lead.created' })).errors).toEqual([]);
    expect(t.core.workflows.validate(doc({ type: 'lead.created', event: 'run.finished' })).errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^trigger/) })]);
    const { id } = t.core.workflows.import(doc({ type: 'lead.created', filter: { source: 'ads' } }));
    expect(t.core.workflows.get(id)).toMatchObject({ triggerType: 'lead.created' });
  });

  it('moves a new lead the pull announces, with notes, and the move is written back', async () => {
    const url = await server.createDatabase('step_lead');
    t = testCore();
    t.core.secrets.set('database.url', url);
    await t.core.revenue.pipeline.sync();
    const { id } = t.core.workflows.import({
      name: 'Welcome new leads',
      trigger: { type: 'lead.created', filter: { product: 'crm-kit' } },
      nodes: [{ id: 'touch', type: 'lead.update', params: { id: '{{ trigger.payload.id }}', stage: 'contacted', notes: 'auto-welcomed ({{ trigger.payload.utm.source }})' } }],
      edges: [],
    });
    t.core.engine.startBackground();
    const [lead] = await server.query<{ id: string }>("INSERT INTO sales_leads (email, product_slug, utm) VALUES ('new@example.com', 'crm-kit', '{\"source\": \"ads\"}') RETURNING id::text", [], 'step_lead');
    await server.query("INSERT INTO sales_leads (email, product_slug) VALUES ('other@example.com', 'other')", [], 'step_lead');
    await t.core.revenue.pipeline.sync();
    await until(() => t!.core.runs.list({ workflowId: id, limit: 5 }).some((r) => r.status === 'succeeded'));
    expect(t.core.runs.list({ workflowId: id, limit: 5 })).toHaveLength(1);
    expect(t.core.revenue.pipeline.get('lead', lead!.id)).toMatchObject({ stage: 'contacted', notes: 'auto-welcomed (ads)' });
    await t.core.revenue.pipeline.sync();
    expect(await server.query('SELECT status, notes FROM sales_leads WHERE id = $1', [lead!.id], 'step_lead')).toEqual([{ status: 'contacted', notes: 'auto-welcomed (ads)' }]);
  });

  it('fails for good on a bad move, naming the rule, and changes nothing', async () => {
    const url = await server.createDatabase('step_lead_bad');
    t = testCore();
    t.core.secrets.set('database.url', url);
    await t.core.remote.check();
    const [lead] = await server.query<{ id: string }>("INSERT INTO sales_leads (email, status) VALUES ('w@example.com', 'won') RETURNING id::text", [], 'step_lead_bad');
    await t.core.revenue.pipeline.sync();
    const run = await t.core.workflows.run({
      workflow: { name: 'Reopen', trigger: { type: 'manual' }, nodes: [{ id: 'back', type: 'lead.update', params: { id: lead!.id, stage: 'new' } }], edges: [] },
      wait: true,
    });
    expect(run.status).toBe('failed');
    expect(t.core.runs.get(run.runId).steps[0]).toMatchObject({ status: 'failed', error: { code: 'BAD_INPUT', message: expect.stringContaining('needs a note') } });
    expect(t.core.revenue.pipeline.get('lead', lead!.id)).toMatchObject({ stage: 'won', changes: [] });
  });
});
