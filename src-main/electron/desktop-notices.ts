import type { AreaId } from '../../shared/areas';
import type { EventBus } from '../core/event-bus';

/** An OS notification and the area that explains it (clicking it opens the window there). */
export interface DesktopNotice {
  title: string;
  body: string;
  area: AreaId;
}

const alertTitles = { down: 'Monitor DOWN', up: 'Monitor back UP', resend: 'Monitor still DOWN' } as const;

/**
 * While the window is hidden in the tray, the founder still learns what needs them: a monitor
 * changing state (the Guardian only emits on transitions and resends), a workflow asking to
 * tell them something, and a step waiting for an approval. Returns the unsubscribe.
 */
export function followDesktopNotices(events: EventBus, show: (notice: DesktopNotice) => void): () => void {
  const offs = [
    events.on('guardian.alert', (a) => show({ title: `${alertTitles[a.kind]}: ${a.name}`, body: a.message, area: 'guardian' })),
    events.on('founder.notified', (n) => show({ title: n.title, body: n.body, area: 'workflows' })),
    events.on('approval.requested', (a) =>
      show({ title: `Approval needed (Class ${a.class})`, body: `${a.subject.title}: ${a.message}`, area: 'approvals' }),
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}
