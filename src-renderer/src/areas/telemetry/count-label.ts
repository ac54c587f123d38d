import { formatCount } from '../../format/number';

export interface CountState {
  loaded: number;
  more: boolean;
  /** Rows matching the filters, when the server said; a floor when `capped`. */
  total: number | undefined;
  capped: boolean;
  filtered: boolean;
}

/** The explorer's status line: `1,234,567 rows match · 200 loaded, more load as you scroll`. */
export function countLabel(s: CountState): string {
  if (s.loaded === 0) return 'No matching rows';
  const n = s.total ?? s.loaded;
  const floor = s.capped || (s.total === undefined && s.more);
  const rows = `${formatCount(n)}${floor ? '+' : ''} ${n === 1 && !floor ? 'row' : 'rows'}${s.filtered ? ' match' : ''}`;
  return s.more ? `${rows} · ${formatCount(s.loaded)} loaded, more load as you scroll` : rows;
}
