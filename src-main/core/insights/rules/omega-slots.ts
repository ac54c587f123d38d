import { day, defineInsightRule, evidence, openArea } from '../rule-kit';

/**
 * A product draft with none of its Omega slots filled (0 of 70) when its launchDate is a day
 * away or less (and not passed by more than a day): the launch cannot ship its images.
 */
export const omegaSlotsRule = defineInsightRule({
  id: 'omega-slots',
  area: 'growth',
  evaluate: ({ sources, now }) =>
    sources.launches().flatMap((p) => {
      if (p.launchAt === null || p.launchAt - now > day || now - p.launchAt > day) return [];
      const { filled, total } = p.slots();
      if (filled > 0) return [];
      return [
        {
          id: `omega-slots:${p.slug}`,
          severity: 'critical',
          finding: `"${p.name}" launches ${p.launchAt > now ? 'within a day' : 'today'} with 0 of ${total} Omega slots filled`,
          evidence: [
            evidence('products.checklist', 'Omega slots filled', `${filled} of ${total}`),
            evidence('products.get', 'launchDate', new Date(p.launchAt).toISOString().slice(0, 10)),
          ],
          impact: 'the launch ships without its cover and gallery images',
          suggestedAction: openArea('launches', 'Open Launches'),
          class: 'A',
        } as const,
      ];
    }),
});
