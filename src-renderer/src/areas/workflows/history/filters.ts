import { runStatuses, type RunStatus } from '../../../../../shared/workflow';

/**
 * The run lists' filters as typed: a status and local calendar days (YYYY-MM-DD from
 * <input type=date>); the list of all runs adds a workflow ('' for any).
 */
export interface HistoryFilters {
  status: RunStatus | '';
  fromDay: string;
  toDay: string;
  workflowId?: string;
}

export const emptyFilters: HistoryFilters = { status: '', fromDay: '', toDay: '' };

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of the day, or undefined when the text is not a date. */
export function localDayStart(day: string): number | undefined {
  const m = dayPattern.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const at = new Date(y, mo, d);
  // 2026-02-31 rolls over in Date: refuse it rather than show March
  if (at.getFullYear() !== y || at.getMonth() !== mo || at.getDate() !== d) return undefined;
  return at.getTime();
}

function nextLocalDay(day: string): number | undefined {
  const start = localDayStart(day);
  if (start === undefined) return undefined;
  const at = new Date(start);
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
}

export type RunQuery = { status?: RunStatus; from?: number; to?: number; workflowId?: string };

/** The runs.list filter for the typed filters (both days inclusive), or the field at fault and why. */
export function toRunQuery(f: HistoryFilters): { ok: true; query: RunQuery } | { ok: false; field: 'from' | 'to' | 'status'; message: string } {
  const query: RunQuery = {};
  if (f.workflowId) query.workflowId = f.workflowId;
  if (f.status !== '') {
    if (!(runStatuses as readonly string[]).includes(f.status)) return { ok: false, field: 'status', message: `status: must be one of ${runStatuses.join(', ')}` };
    query.status = f.status;
  }
  if (f.fromDay !== '') {
    const from = localDayStart(f.fromDay);
    if (from === undefined) return { ok: false, field: 'from', message: 'from: must be a date (YYYY-MM-DD)' };
    query.from = from;
  }
  if (f.toDay !== '') {
    const to = nextLocalDay(f.toDay);
    if (to === undefined) return { ok: false, field: 'to', message: 'to: must be a date (YYYY-MM-DD)' };
    query.to = to;
  }
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) return { ok: false, field: 'from', message: 'from: must be on or before to' };
  return { ok: true, query };
}
