import type { SubjectRequest } from '../../../../shared/contract/compliance';
import type { Tone } from '../../components/tone';

export const kindWords: Record<SubjectRequest['kind'], string> = { export: 'Export', erase: 'Erase', 'do-not-sell': 'Do not sell or share' };

export const statusWords: Record<SubjectRequest['status'], string> = {
  open: 'open',
  waiting: 'waiting for your approval',
  erasing: 'erasing (retried until its proof passes)',
  answered: 'answered',
  rejected: 'rejected',
};

export function statusTone(r: SubjectRequest): Tone {
  if (r.overdue) return 'bad';
  if (r.status === 'answered') return 'good';
  if (r.status === 'rejected') return 'muted';
  return 'warn';
}

export const erasureWords = { delete: 'deleted', anonymise: 'anonymised', 'legal-hold': 'kept for a legal duty, anonymised', none: 'no personal data' } as const;

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
