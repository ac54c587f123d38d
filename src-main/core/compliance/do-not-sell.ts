import type { Db } from '../db/open';
import type { WithheldPeople } from '../withheld-people-port';
import type { RequestStore } from './request-store';
import { emailHash } from './subject-keys';

const cacheMs = 60_000;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The flagged people's addresses and names, found by the hash of each address in the local
 * tables that name customers (the flag itself keeps only the hash). Read at most once a minute,
 * and at once after a new flag.
 */
export function withheldPeople(db: Db, store: RequestStore, now: () => number): WithheldPeople {
  let cached: { at: number; flags: number; values: string[]; pattern: RegExp | undefined } | undefined;
  const read = () => {
    const flagged = store.flaggedHashes();
    if (cached && cached.flags === flagged.size && now() - cached.at < cacheMs) return cached;
    const values = new Set<string>();
    if (flagged.size > 0) {
      const people = db.prepare('SELECT email, name FROM pipeline_items UNION ALL SELECT email, name FROM stripe_customers WHERE email IS NOT NULL').all() as { email: string; name: string | null }[];
      for (const p of people) {
        if (!flagged.has(emailHash(p.email))) continue;
        values.add(p.email);
        if (p.name && p.name.trim().length > 2) values.add(p.name.trim());
      }
    }
    const list = [...values].sort((a, b) => b.length - a.length);
    cached = { at: now(), flags: flagged.size, values: list, pattern: list.length ? new RegExp(list.map(escapeRegex).join('|'), 'gi') : undefined };
    return cached;
  };
  return {
    values: () => read().values,
    scrub: (text) => {
      const { pattern } = read();
      return pattern ? text.replace(pattern, '[withheld]') : text;
    },
  };
}
