import type { NoticeSeverity } from '../../../../shared/contract/notify';
import type { AreaId } from '../../../../shared/areas';
import type { BriefingLine, BriefingSection } from '../../../../shared/contract/briefing';
import type { BriefingSources } from './sources';

/** What a section reads: the sources, the moment composed, and the day's window (the last 24 h). */
export interface SectionContext {
  sources: BriefingSources;
  now: number;
  dayAgo: number;
  /** Renders a moment as the founder's local time (the briefing timezone). */
  local(at: number): string;
}

/** One part of the briefing: its id, title, area, and how it reads its sources. */
export interface SectionDef {
  id: string;
  title: string;
  area: AreaId;
  compose(ctx: SectionContext): { headline: string; lines: BriefingLine[]; severity?: NoticeSeverity };
}

/** A part's identity on one line, then how it reads its sources. */
export const defineSection = (meta: Omit<SectionDef, 'compose'>, compose: SectionDef['compose']): SectionDef => ({ ...meta, compose });

const rank: Record<NoticeSeverity, number> = { info: 0, warning: 1, critical: 2 };

export function maxSeverity(severities: readonly NoticeSeverity[]): NoticeSeverity {
  return severities.reduce<NoticeSeverity>((max, s) => (rank[s] > rank[max] ? s : max), 'info');
}

export const line = (text: string, severity: NoticeSeverity = 'info'): BriefingLine => ({ text, severity });

/** `1 run`, `3 runs`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `5 min`, `3 h`, `2 days`: how long ago, for a line a founder skims. */
export function ago(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** `+3`, `-2`, `±0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '\u00b10';
}

/**
 * Runs one section; a source that throws makes the section say it could not be read (never
 * made-up figures), so one broken part never costs the founder the rest of the briefing.
 */
export function composeSection(def: SectionDef, ctx: SectionContext): BriefingSection {
  try {
    const { headline, lines, severity } = def.compose(ctx);
    return { id: def.id, title: def.title, area: def.area, headline, lines, severity: severity ?? maxSeverity(lines.map((l) => l.severity)) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { id: def.id, title: def.title, area: def.area, headline: `could not be read: ${reason}`, lines: [], severity: 'warning' };
  }
}
