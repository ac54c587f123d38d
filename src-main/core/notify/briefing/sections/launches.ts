import { count, defineSection, line } from '../section-kit';

/** Products and their Drive uploads: what was built and uploaded in the last 24 h, what failed, what waits. */
export const launchesSection = defineSection({ id: 'launches', title: 'Launches', area: 'launches' }, (ctx) => {
  const products = ctx.sources.products();
  if (products.length === 0) return { headline: 'no products yet', lines: [] };
  const uploads = ctx.sources.uploads();
  const today = uploads.filter((u) => u.updatedAt >= ctx.dayAgo);
  const done = today.filter((u) => u.status === 'done');
  const failed = today.filter((u) => u.status === 'failed');
  const lines = [
    ...done.map((u) => line(`${u.slug} ${u.version} uploaded to Drive`)),
    ...failed.map((u) => line(`${u.slug} ${u.version} upload failed${u.lastError ? `: ${u.lastError}` : ''}`, 'warning')),
  ];
  const waiting = uploads.filter((u) => u.status === 'needs-approval').length;
  const queued = uploads.filter((u) => u.status === 'queued').length;
  if (waiting > 0) lines.push(line(`${count(waiting, 'upload')} waiting for approval`, 'warning'));
  if (queued > 0) lines.push(line(`${count(queued, 'upload')} queued to retry`));
  const built = products.filter((p) => p.lastBuild && p.lastBuild.compiledAt >= ctx.dayAgo).length;
  const launched = products.filter((p) => p.status === 'launched').length;
  return { headline: `${count(products.length, 'product')} (${launched} launched); last 24 h: ${built} built, ${done.length} uploaded, ${failed.length} failed`, lines };
});
