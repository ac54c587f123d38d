import type { Utm } from '../../../../shared/site-forms';

const keys = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** The utm_* parameters of the address the visitor arrived on (only those present and not empty). */
export function utmFromAddress(search: string = window.location.search): Utm {
  const params = new URLSearchParams(search);
  return Object.fromEntries(keys.flatMap((k) => (params.get(`utm_${k}`) ? [[k, params.get(`utm_${k}`)!]] : [])));
}
