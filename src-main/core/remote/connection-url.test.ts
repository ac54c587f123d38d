import { describe, expect, it } from 'vitest';
import { scrubConnectionUrl } from './connection-url';

const url = 'postgres://Ops%40Acme:s%3Acr3t@DB-7.Acme.example:6543/ledger_live?options=-c%20search_path%3Dtenant_42&application_name=acme-sync';

describe('scrubConnectionUrl', () => {
  it('hides every piece of the URL, as written or decoded, in any case, and the URL whole', () => {
    const echoed = `could not connect to ${url} as "ops@acme" with password s:cr3t at db-7.acme.example:6543 for LEDGER_LIVE (search_path tenant_42, acme-sync)`;
    const scrubbed = scrubConnectionUrl(echoed, url);
    expect(scrubbed).toBe('could not connect to [database.url] as "[user]" with password [password] at [host]:[port] for [database] ([option] [option], [option])');
  });

  it('leaves the default port and pieces too short to tell anything, but never the password', () => {
    expect(scrubConnectionUrl('port 5432 on db, pw x', 'postgres://me:x@db:5432/db')).toBe('port 5432 on db, pw [password]');
  });

  it('without a URL, or with one that is not a postgres:// URL, hides at most that text', () => {
    expect(scrubConnectionUrl('anything', undefined)).toBe('anything');
    expect(scrubConnectionUrl('bad: mysql://u:p@h/d', 'mysql://u:p@h/d')).toBe('bad: [database.url]');
  });
});
