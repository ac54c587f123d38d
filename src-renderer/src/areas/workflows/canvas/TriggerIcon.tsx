import { eventTriggerType } from '../../../../../shared/triggers';

/**
 * A trigger type's icon as an inline line drawing: symbol characters (⏱) are missing from many
 * fonts and showed as an empty box.
 */
const paths: Record<string, string> = {
  manual: 'M5 3.5v9l7.5-4.5z',
  cron: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM8 4.5V8l2.6 1.6',
  event: 'M9.2 1.5 3.5 9h4l-.7 5.5L12.5 7h-4z',
  webhook: 'M2 5.5h9.5M9 3l2.5 2.5L9 8M14 10.5H4.5M7 8l-2.5 2.5L7 13',
};
const unknown = 'M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2v.8M8 12.2v.3';

export function TriggerIcon({ type }: { type: string }) {
  // a named event trigger (shared/triggers) is drawn as the event it fires on
  const path = paths[type] ?? (eventTriggerType(type) ? paths.event : undefined);
  return (
    <svg className="fc-trigger-icon__svg" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" data-icon={path ? type : 'unknown'}>
      <path d={path ?? unknown} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
