import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One erasure as the ledger keeps it: the email's hash, never the email. */
export interface LedgerEntry {
  hash: string;
  /** Stripe customer ids the person had (pseudonymous ids, needed to find their rows again). */
  customerIds: string[];
  requestId: string;
  at: number;
}

/**
 * The erasures done, one JSON line each, in a file beside the database rather than in it: a
 * restore of the database from a snapshot older than an erasure does not roll this file back,
 * so the core re-applies every erasure it lists whenever it opens the data (compliance-service.ts).
 */
export class ErasureLedger {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'compliance', 'erasures.jsonl');
  }

  entries(): LedgerEntry[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LedgerEntry);
  }

  has(hash: string): boolean {
    return this.entries().some((e) => e.hash === hash);
  }

  add(entry: LedgerEntry): void {
    if (this.has(entry.hash)) return;
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}
