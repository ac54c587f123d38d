import type { EventPayload } from '../../../shared/contract';

type Due = EventPayload<'compliance.requestDue'>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A data-subject request close to or past its statutory deadline (a rules.ts entry). The notice
 * names the request, its kind and law, never the person: channels outside the machine must not
 * receive who asked.
 */
export const subjectRequestDueRule = {
  event: 'compliance.requestDue',
  id: 'subject.request.due',
  severity: 'warning',
  channels: ['os'],
  label: 'Data-subject request due',
  fields: { kind: (p: Due) => p.kind, law: (p: Due) => p.law },
  about: 'an export, erase or do-not-sell request is 7 days from its statutory deadline, or past it',
  notice: (p: Due) => ({
    key: `subject.request.due:${p.id}:${p.overdue ? 'overdue' : 'soon'}`,
    title: p.overdue ? `Subject request OVERDUE (${p.law.toUpperCase()})` : `Subject request due ${day(p.dueAt)} (${p.law.toUpperCase()})`,
    body: `A ${p.kind} request ${p.overdue ? 'was due' : 'is due'} on ${day(p.dueAt)}: answer it in the Compliance area.`,
    area: 'compliance' as const,
    at: p.at,
    ...(p.overdue ? { severity: 'critical' as const } : {}),
  }),
} as const;
