import type { AuditFilter, AuditOutcome } from '../../../../shared/contract/audit';

/** What the founder typed into the filter bar: dates as YYYY-MM-DD (whole days, UTC), the rest as chosen. */
export interface FilterForm {
  from: string;
  to: string;
  kind: string;
  outcome: string;
  text: string;
}

export const emptyFilter: FilterForm = { from: '', to: '', kind: '', outcome: '', text: '' };

const dayMs = 86_400_000;

/** The form as the contract's filter: `to` includes its whole day. */
export function toFilter(f: FilterForm): Partial<AuditFilter> {
  const day = (d: string) => (d ? Date.parse(`${d}T00:00:00Z`) : Number.NaN);
  const from = day(f.from);
  const to = day(f.to);
  return {
    ...(Number.isNaN(from) ? {} : { from }),
    ...(Number.isNaN(to) ? {} : { to: to + dayMs }),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.outcome ? { outcome: f.outcome as AuditOutcome } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    limit: 500,
  };
}
