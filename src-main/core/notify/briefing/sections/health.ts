import { defineSection, line, signed, type SectionContext } from '../section-kit';

const hourMs = 3_600_000;
const verdictWords = { healthy: 'healthy', needs_attention: 'needs attention', unhealthy: 'unhealthy', not_enough_data: 'not enough data' } as const;

/** The stored hourly score nearest to a day before now (within an hour of it), if there is one. */
function scoreADayAgo(ctx: SectionContext): number | undefined {
  const target = ctx.now - 24 * hourMs;
  const near = ctx.sources.scoreHistory(target - hourMs).filter((p) => Math.abs(p.at - target) <= hourMs);
  near.sort((a, b) => Math.abs(a.at - target) - Math.abs(b.at - target));
  return near[0]?.score;
}

/** Guardian's health score, its verdict and its change since yesterday, with the biggest deductions. */
export const healthSection = defineSection({ id: 'health', title: 'Health', area: 'guardian' }, (ctx) => {
  const s = ctx.sources.summary();
  if (s.verdict === 'not_enough_data') {
    return { headline: `not enough data to score: ${s.verdictReason ?? 'no monitor watches anything yet'}`, lines: [] };
  }
  const before = scoreADayAgo(ctx);
  const change = before === undefined ? 'no score stored a day ago to compare' : `${signed(s.score - before)} since yesterday`;
  const severity = s.verdict === 'healthy' ? 'info' : s.verdict === 'needs_attention' ? 'warning' : 'critical';
  return {
    headline: `health ${s.score}/100 (${verdictWords[s.verdict]}), ${change}`,
    severity,
    lines: s.topIssues.slice(0, 3).map((i) => line(`\u2212${i.points}: ${i.cause}`, severity)),
  };
});
