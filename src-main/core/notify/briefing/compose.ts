import type { Briefing } from '../../../../shared/contract/briefing';
import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import { composeSection, maxSeverity, type SectionContext } from './section-kit';
import { briefingSections } from './sections';
import type { BriefingSources } from './sources';
import { localDate, localMoment, longDate } from './local-time';

const dayMs = 86_400_000;

/**
 * The daily founder briefing at `now`: every part (briefingSections) read from the services'
 * local data, each line with its severity. Nothing is invented: a part with nothing to report
 * says so ("no monitors yet", "Stripe not connected"), and a part that cannot be read says why.
 */
export function composeBriefing(sources: BriefingSources, now: number, timezone: string): Briefing {
  let summary: ExecutiveSummary | undefined;
  // Guardian's summary feeds several parts; it is read once
  const once: BriefingSources = { ...sources, summary: () => (summary ??= sources.summary()) };
  const ctx: SectionContext = { sources: once, now, dayAgo: now - dayMs, local: (at) => localMoment(at, timezone) };
  const sections = briefingSections.map((def) => composeSection(def, ctx));
  return {
    at: now,
    date: localDate(now, timezone),
    timezone,
    title: `Founder briefing, ${longDate(now, timezone)}`,
    severity: maxSeverity(sections.map((s) => s.severity)),
    sections,
  };
}
