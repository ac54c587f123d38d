import type { Core } from '../../src-main/core';
import type { RowQuery } from '../../src-main/core/telemetry/row-filter';

/** Every page of a telemetry query, followed by cursor, as row ids in page order. */
export function allPages(core: Core, q: Omit<RowQuery, 'limit' | 'cursor'>, limit: number): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = core.telemetry.query({ ...q, limit, ...(cursor ? { cursor } : {}) });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}
