import { stripeSyncKinds, type StripeSyncProgress, type StripeSyncStatus } from '../../../../shared/contract/revenue-sync';

/** A full pass pages through every list but the events, in this order; an events pass reads only the events. */
const fullPassKinds = stripeSyncKinds.filter((k) => k !== 'events');

export interface SyncBar {
  label: string;
  detail: string;
  percent: number;
  valueText: string;
}

const kindText = (kind: string) => kind.replace(/_/g, ' ');

/**
 * What the sync bar shows. Stripe's lists carry no totals, so the bar measures lists finished
 * out of the lists of the pass; within the current list only the count so far is known.
 */
export function syncBar(p: StripeSyncProgress): SyncBar {
  const kinds: readonly string[] = p.full ? fullPassKinds : ['events'];
  const index = Math.max(0, kinds.indexOf(p.kind));
  const percent = Math.round((index / kinds.length) * 100);
  const lists = `${index} of ${kinds.length} Stripe list${kinds.length === 1 ? '' : 's'} done`;
  const current = `${kindText(p.kind)}: ${p.count} so far`;
  return {
    label: p.full ? `Full sync: ${lists}` : `Applying events: ${lists}`,
    detail: current,
    percent,
    valueText: `${lists}; ${current} (Stripe does not say how many there are in all)`,
  };
}

/** Why the last pass paged through everything when that was not the founder's asking, or nothing. */
export function fullPassNotice(s: Pick<StripeSyncStatus, 'lastPassFull' | 'lastPassReason'>): string | undefined {
  if (!s.lastPassFull || !s.lastPassReason || s.lastPassReason === 'first sync' || s.lastPassReason === 'asked for a full sync') return undefined;
  return `The last sync was a full sync: ${s.lastPassReason}.`;
}
