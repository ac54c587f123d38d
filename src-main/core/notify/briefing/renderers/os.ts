import type { Briefing } from '../../../../../shared/contract/briefing';
import { clip, oneLine } from './marks';

/** A system notification shows a few lines at most. */
const bodyMax = 240;

/** The briefing as a system notification: its title, and the headlines that need the founder (or the health line when all is well). */
export function renderBriefingOs(doc: Briefing): { title: string; body: string } {
  const needing = doc.sections.filter((s) => s.severity !== 'info');
  const shown = needing.length > 0 ? needing : doc.sections.slice(0, 1);
  const body = shown.map((s) => `${s.title}: ${oneLine(s.headline)}`).join(' \u00b7 ');
  return { title: doc.title, body: clip(needing.length > 0 ? body : `All clear. ${body}`, bodyMax) };
}
