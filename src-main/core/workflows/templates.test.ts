import { describe, expect, it } from 'vitest';
import { templateCategories, templateInputTypes } from '../../../shared/contract/templates';
import { flush, testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { serverPerTest } from '../../../tests/helpers/workflows/server-per-test';
import { TemplateService, type WorkflowTemplate } from './template-service';
import { placeholdersIn, type TemplateValues } from './template-inputs';
import { workflowTemplates } from './templates';

let t: TestCore;
const http = serverPerTest(() => t?.cleanup());

/** The template's sample inputs; web addresses point at this test's local server, so a Class A GET really happens. */
function sampleInputs(template: WorkflowTemplate): TemplateValues {
  return Object.fromEntries(template.inputs.map((i) => [i.name, i.type === 'url' ? `${http.server.url}/${i.name}` : i.sample]));
}

describe('growth templates', () => {
  it('there are 25 or more, in every category, each with declared inputs for every placeholder', () => {
    expect(workflowTemplates.length).toBeGreaterThanOrEqual(25);
    expect(new Set(workflowTemplates.map((w) => w.id)).size).toBe(workflowTemplates.length);
    expect([...new Set(workflowTemplates.map((w) => w.category))].sort()).toEqual([...templateCategories].sort());
    for (const template of workflowTemplates) {
      const declared = template.inputs.map((i) => i.name);
      expect([...placeholdersIn(template.workflow)].filter((p) => !declared.includes(p)), template.id).toEqual([]);
      for (const input of template.inputs) expect(templateInputTypes, `${template.id}.${input.name}`).toContain(input.type);
    }
  });

  it('every template validates and dry-runs to the end with its sample inputs', async () => {
    t = testCore({ stage: 'post-launch' });
    const started = performance.now();
    for (const template of workflowTemplates) {
      const workflow = t.core.templates.fill(template.id, sampleInputs(template));
      expect(t.core.workflows.validate(workflow).errors, template.id).toEqual([]);
      const { runId } = await t.core.workflows.run({ workflow, input: template.sampleRun ?? {}, dryRun: true });
      let settled = false;
      const done = t.core.runs.wait(runId).finally(() => (settled = true));
      await flush(t);
      // a delay parks the run: time moves (for this test's core only) to each wake-up
      while (!settled) {
        const { status, wakeAt } = t.core.runs.get(runId);
        if (status === 'waiting' && wakeAt !== null) {
          // jump straight to the wake-up: walking a day of lease renewals one by one would take seconds
          if (wakeAt > t.clock.now()) t.clock.set(wakeAt);
          await t.timer.runDue();
        }
        // a real request (a Class A GET to the local server) needs the event loop to turn
        else await new Promise((resolve) => setImmediate(resolve));
      }
      await done;
      const run = t.core.runs.get(runId);
      expect({ id: template.id, status: run.status, error: run.error }).toMatchObject({ id: template.id, status: 'succeeded' });
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('makes a disabled workflow from a template, and the editor gets its document', async () => {
    t = testCore();
    const template = workflowTemplates.find((w) => w.id === 'testimonial-request') as WorkflowTemplate;
    const used = t.core.templates.use(template.id, { customerEmail: 'ada@example.com', product: 'crm-kit', days: '3', reviewUrl: 'https://example.com/r' });
    expect(used).toMatchObject({ name: 'Testimonial request after delivery', templateId: 'testimonial-request' });
    const stored = t.core.workflows.get(used.id);
    expect(stored.enabled).toBe(false);
    expect(stored.workflow).toEqual(used.workflow);
    // a number input stays a number where the placeholder is the whole value, and reads as text inside one
    expect(JSON.stringify(used.workflow)).toContain('"duration":"3d"');
    expect(t.core.runs.list({ workflowId: used.id, limit: 5 })).toEqual([]);
  });

  it('a wrong input is refused naming the input and its rule, and nothing is created', () => {
    t = testCore();
    const good = { customerEmail: 'ada@example.com', product: 'crm-kit', reviewUrl: 'https://example.com/r' };
    const refused = (inputs: TemplateValues) => {
      try {
        t.core.templates.use('testimonial-request', inputs);
      } catch (err) {
        return { message: (err as Error).message, field: (err as { field?: string }).field };
      }
      return undefined;
    };
    expect(refused({ ...good, customerEmail: 'not-an-email' })).toEqual({ field: 'inputs.customerEmail', message: expect.stringContaining('inputs.customerEmail: must be an email address') });
    expect(refused({ ...good, days: 'soon' })).toEqual({ field: 'inputs.days', message: expect.stringContaining('inputs.days: must be a number') });
    expect(refused({ ...good, days: 0 })).toEqual({ field: 'inputs.days', message: expect.stringContaining('must be at least 1') });
    expect(refused({ ...good, product: 'CRM Kit' })).toEqual({ field: 'inputs.product', message: expect.stringContaining('must be a product slug') });
    expect(refused({ ...good, reviewUrl: 'ftp://x' })).toEqual({ field: 'inputs.reviewUrl', message: expect.stringContaining('http:// or https://') });
    expect(refused({ ...good, customerEmail: undefined as unknown as string })).toEqual({ field: 'inputs.customerEmail', message: expect.stringContaining('is required') });
    expect(refused({ ...good, colour: 'red' })).toEqual({ field: 'inputs.colour', message: expect.stringContaining('has no input "colour"') });
    expect(() => t.core.templates.use('social-post-approval', { post: 'hi {{ $now() }}', webhook: 'https://x.y/z' })).toThrow('inputs.post: must not contain {{ or }}');
    expect(() => t.core.templates.use('no-such-template', {})).toThrow('id: no template has id "no-such-template"');
    expect(t.core.workflows.list()).toEqual([]);
  });

  it('a template that names a missing step type never appears in the gallery', () => {
    t = testCore();
    const missing: WorkflowTemplate = { id: 'needs-missing', name: 'Needs a missing step', description: 'x', category: 'content', inputs: [], workflow: { name: 'x', trigger: { type: 'manual' }, nodes: [{ id: 'a', type: 'no.such.step', params: {} }], edges: [] } };
    const gallery = new TemplateService(t.core.workflows, t.core.engine.registry, [...workflowTemplates, missing]);
    expect(gallery.list().map((s) => s.id)).not.toContain('needs-missing');
    expect(gallery.list()).toHaveLength(workflowTemplates.length);
    expect(() => gallery.use('needs-missing', {})).toThrow('no template has id "needs-missing"');
    expect(t.core.workflows.list()).toEqual([]);
  });
});
