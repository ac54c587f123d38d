import { formatMinorUnits } from '../../../../shared/money';
import { formatSpan } from '../../format/time';

/** Money as the API gives it ({ amountMinor, currency }), formatted for its currency; "—" when unset. */
export function moneyText(value: { amountMinor: number; currency: string } | null): string {
  return value ? formatMinorUnits(value.amountMinor, value.currency) : '—';
}

/** A rate 0..1 as "42%"; "—" when there was nothing to divide by. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A time in stage; "—" when no stay in it has ended yet. */
export function stayText(ms: number | null): string {
  return ms === null ? '—' : formatSpan(ms);
}

/** Who an item is, in a few words: name and company, or the email. */
export function whoText(item: { name: string | null; company: string | null; email: string }): string {
  const who = [item.name, item.company].filter(Boolean).join(', ');
  return who || item.email;
}
