import { describe, expect, it } from 'vitest';
import type { Monitor } from '../../../shared/contract/guardian';
import { collectFindings } from './findings';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('Guardian findings', () => {
  it('keep the moment of their evidence as a field, never as an ISO string in the text', () => {
    const down = { id: 'm1', name: 'Shop', state: 'DOWN', lastMessage: 'HTTP 500', lastChangeAt: now - 3_600_000 } as Monitor;
    const { findings } = collectFindings({ monitors: [down], anomalies: [], workflows: undefined, sync: { lastSyncAt: now - 3 * 3_600_000, pushPending: 4, remoteError: undefined } }, now);
    expect(findings.map((f) => [f.kind, f.evidence, f.evidenceTime])).toEqual([
      ['monitor_down', 'HTTP 500', { label: 'down since', at: now - 3_600_000 }],
      ['sync_lag', '4 local rows waiting', { label: 'last sync', at: now - 3 * 3_600_000 }],
    ]);
    for (const f of findings) expect(f.evidence).not.toMatch(iso);
  });
});
