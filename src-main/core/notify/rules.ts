import type { AreaId } from '../../../shared/areas';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { NoticeSeverity } from '../../../shared/contract/notify';
import type { ChannelId } from './channels';

/** A notice as a rule makes it; the outbox gives it its id. */
export interface NoticeDraft {
  /** What the notice is about (one alert, one approval): the same event heard twice makes no second row. */
  key: string;
  title: string;
  body: string;
  /** A fixed area id, never text taken from the payload. */
  area: AreaId;
  at: number;
  severity?: NoticeSeverity;
  approvalId?: string;
  /** The same alert (e.g. one monitor down): repeats within 10 minutes go out as one message with a count (fold.ts). */
  dedupe?: string;
  /** A kind of alert (e.g. run failures): after the first, those within a minute go out as one digest. */
  group?: string;
}

export interface Rule<E extends EventName> {
  channels: readonly ChannelId[];
  notice(payload: EventPayload<E>): NoticeDraft;
}

export type RuleTable = { readonly [E in EventName]?: Rule<E> };

const alertTitles = { down: 'Monitor DOWN', up: 'Monitor back UP', resend: 'Monitor still DOWN' } as const;

/**
 * Which events the founder is told about, in which words, where in the app, and on which
 * channels. Even with the window hidden in the tray they learn what needs them: a monitor
 * changing state (the Guardian emits only on transitions and resends), a workflow asking to
 * tell them something, and a step waiting for an approval.
 */
export const rules: RuleTable = {
  'guardian.alert': {
    channels: ['os'],
    notice: (a) => ({ key: `guardian.alert:${a.monitorId}:${a.kind}:${a.at}`, title: `${alertTitles[a.kind]}: ${a.name}`, body: a.message, area: 'guardian', at: a.at, severity: a.kind === 'up' ? 'info' : 'critical' }),
  },
  'founder.notified': {
    channels: ['os'],
    notice: (n) => ({ key: `founder.notified:${n.id}`, title: n.title, body: n.body, area: 'workflows', at: n.at }),
  },
  'approval.requested': {
    channels: ['os'],
    notice: (a) => ({ key: `approval.requested:${a.id}`, title: `Approval needed (Class ${a.class})`, body: `${a.subject.title}: ${a.message}`, area: 'approvals', at: a.requestedAt, approvalId: a.id }),
  },
};
