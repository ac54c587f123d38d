import { describe, expect, it } from 'vitest';
import { areaFromHash } from '../../routing/use-hash-route';
import { parseWorkflowsRoute, workflowsHref } from './routes';

describe('workflows sub-routes', () => {
  it('parses every page of the area', () => {
    expect(parseWorkflowsRoute('#/workflows')).toEqual({ page: 'list' });
    expect(parseWorkflowsRoute('#/workflows/')).toEqual({ page: 'list' });
    expect(parseWorkflowsRoute('#/workflows/new')).toEqual({ page: 'editor', fromImport: false });
    expect(parseWorkflowsRoute('#/workflows/new?import=1')).toEqual({ page: 'editor', fromImport: true });
    expect(parseWorkflowsRoute('#/workflows/abc')).toEqual({ page: 'editor', workflowId: 'abc', fromImport: false });
    expect(parseWorkflowsRoute('#/workflows/abc/runs')).toEqual({ page: 'history', workflowId: 'abc' });
    expect(parseWorkflowsRoute('#/workflows/abc/runs/r1')).toEqual({ page: 'run', workflowId: 'abc', runId: 'r1' });
    expect(parseWorkflowsRoute('#/workflows/abc/analytics')).toEqual({ page: 'analytics', workflowId: 'abc' });
    expect(parseWorkflowsRoute('#/workflows/runs')).toEqual({ page: 'all-runs' });
    expect(parseWorkflowsRoute('#/workflows/runs/r1')).toEqual({ page: 'run', workflowId: undefined, runId: 'r1' });
    expect(parseWorkflowsRoute('#/workflows/runs/r1/x')).toMatchObject({ page: 'unknown' });
  });

  it('anything else is unknown rather than guessed', () => {
    expect(parseWorkflowsRoute('#/workflows/abc/runs/r1/more')).toMatchObject({ page: 'unknown' });
    expect(parseWorkflowsRoute('#/workflows/abc/nope')).toMatchObject({ page: 'unknown' });
    expect(parseWorkflowsRoute('#/workflows/abc/analytics/x')).toMatchObject({ page: 'unknown' });
    expect(parseWorkflowsRoute('#/workflows/%E0%A4%A')).toMatchObject({ page: 'unknown' });
    expect(parseWorkflowsRoute('#/settings')).toMatchObject({ page: 'unknown' });
  });

  it('the links it builds parse back to the same page, and the app router still sees the area', () => {
    const id = 'wf/with space?';
    const cases = [
      [workflowsHref.list(), { page: 'list' }],
      [workflowsHref.create(), { page: 'editor', fromImport: false }],
      [workflowsHref.importDraft(), { page: 'editor', fromImport: true }],
      [workflowsHref.editor(id), { page: 'editor', workflowId: id, fromImport: false }],
      [workflowsHref.history(id), { page: 'history', workflowId: id }],
      [workflowsHref.run(id, 'r#1'), { page: 'run', workflowId: id, runId: 'r#1' }],
      [workflowsHref.analytics(id), { page: 'analytics', workflowId: id }],
      [workflowsHref.allRuns(), { page: 'all-runs' }],
      [workflowsHref.runById('r#1'), { page: 'run', workflowId: undefined, runId: 'r#1' }],
    ] as const;
    for (const [href, route] of cases) {
      expect(parseWorkflowsRoute(href)).toEqual(route);
      expect(areaFromHash(href)).toBe('workflows');
    }
  });
});
