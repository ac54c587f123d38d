import { count, defineSection, line } from '../section-kit';

/** More runs than this in a day are counted from the first page only, and the line says so. */
const pageSize = 500;

/** Workflow runs started in the last 24 h: how many, how many failed (by workflow, with the last error). */
export const runsSection = defineSection({ id: 'runs', title: 'Runs', area: 'workflows' }, (ctx) => {
  const runs = ctx.sources.runs(ctx.dayAgo, ctx.now + 1, pageSize);
  if (runs.length === 0) return { headline: 'no runs in the last 24 h', lines: [] };
  const failed = runs.filter((r) => r.status === 'failed');
  const byWorkflow = new Map<string, typeof failed>();
  for (const r of failed) byWorkflow.set(r.workflowName, [...(byWorkflow.get(r.workflowName) ?? []), r]);
  const lines = [...byWorkflow].map(([name, rs]) => {
    const error = rs.find((r) => r.error)?.error?.message;
    return line(`${name} failed ${count(rs.length, 'time')}${error ? `: ${error}` : ''}`, 'warning');
  });
  const waiting = runs.filter((r) => r.status === 'waiting').length;
  if (waiting > 0) lines.push(line(`${count(waiting, 'run')} waiting (an approval or a delay)`));
  const total = runs.length === pageSize ? `at least ${pageSize} runs` : count(runs.length, 'run');
  const succeeded = runs.filter((r) => r.status === 'succeeded').length;
  return { headline: `${total} in the last 24 h: ${succeeded} succeeded, ${failed.length} failed`, lines };
});
