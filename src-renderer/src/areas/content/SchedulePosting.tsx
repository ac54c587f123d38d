import { useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';
import { workflowRunHref } from '../../routing/run-href';

/** The template that waits until a time and then publishes one set (src-main/core/workflows/templates/content-publish-at.json). */
const publishTemplate = 'content-publish-at';
const channels = [
  { value: 'telegram', label: 'Telegram channel (the X thread)' },
  { value: 'slack', label: 'Slack (the X thread)' },
  { value: 'email', label: 'Email list (the email)' },
] as const;

/** The longest a delay step waits. */
const maxWaitMs = 366 * 86_400_000;

/** Tomorrow at 09:00 on this machine's clock, as a datetime-local value. */
function tomorrowMorning(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/**
 * "Schedule posting": a workflow made from the content-publish-at template (templates.use) and
 * started (workflows.run); its run waits until the time picked, then content.publish posts the
 * set. Before launch the publish step asks for approval first, like every Class B step.
 */
export function SchedulePosting({ setId }: { setId: string }) {
  const [at, setAt] = useState(tomorrowMorning);
  const [channel, setChannel] = useState<(typeof channels)[number]['value']>('telegram');
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [scheduled, setScheduled] = useState<{ workflowId: string; runId: string; at: string } | undefined>(undefined);
  const action = useAction();

  const schedule = () => {
    const when = new Date(at);
    const rule = Number.isNaN(when.getTime()) || when.getTime() <= Date.now() ? 'must be a date and time in the future' : when.getTime() - Date.now() > maxWaitMs ? 'must be within a year (a workflow waits at most 366 days)' : undefined;
    setRefused(rule && `When: ${rule}`);
    if (rule) return;
    void action.run(async () => {
      const made = await getApi().templates.use({ id: publishTemplate, inputs: { setId, at: when.toISOString(), channel } });
      const run = await getApi().workflows.run({ id: made.id });
      setScheduled({ workflowId: made.id, runId: run.runId, at: when.toLocaleString() });
    }, 'schedule');
  };

  return (
    <div className="content-schedule">
      <div className="field">
        <label htmlFor="schedule-at">When</label>
        <input id="schedule-at" className="input" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-invalid={refused ? true : undefined} />
        <FieldError id="schedule-at-error" error={refused ? { message: refused } : undefined} />
      </div>
      <div className="field">
        <label htmlFor="schedule-channel">Where</label>
        <select id="schedule-channel" className="input" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
          {channels.map(({ value, label }) => <option key={value} value={value} label={label} />)}
        </select>
      </div>
      <button type="button" className="button button--ghost" disabled={action.pending} onClick={schedule}>
        {action.pending ? 'Scheduling…' : 'Schedule posting'}
      </button>
      {scheduled ? (
        <p className="muted" role="status">
          Scheduled for {scheduled.at}: the rest of the set is written as files then. <a href={workflowRunHref(scheduled.workflowId, scheduled.runId)}>Open the run</a>
        </p>
      ) : null}
      <ErrorNotice message={action.error} inline />
    </div>
  );
}
