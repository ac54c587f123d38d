import { Fragment } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';

const shownKeys = ['notify.briefing.time', 'notify.briefing.timezone', 'notify.briefing.channels', 'notify.briefing.enabled'];

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none (the schedule is off)' : value.join(', ');
  if (value === '') return 'this machine’s timezone';
  return String(value);
}

/** The settings the briefing uses (settings.get), changed in the Settings area. */
export function BriefingSettings() {
  const settings = useLoad(() => getApi().settings.get({}), []);
  const entries = (settings.data?.settings ?? []).filter((s) => shownKeys.includes(s.key));
  return (
    <div className="section" data-testid="briefing-settings">
      <ErrorNotice message={settings.error ? `Could not read the briefing's settings: ${settings.error}` : undefined} onRetry={settings.reload} />
      <dl className="facts">
        {entries.map((s) => (
          <Fragment key={s.key}>
            <dt>
              {s.label} (<code>{s.key}</code>)
            </dt>
            <dd data-testid="briefing-setting" data-key={s.key}>
              {valueText(s.value)}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">
        Change them in <a href="#/settings">Settings</a> or with <code>levqor settings set notify.briefing.time 08:00</code>.
      </p>
    </div>
  );
}
