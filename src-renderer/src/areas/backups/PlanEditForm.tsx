import type { PageEditPlanInput, PagePlan } from '../../../../shared/contract/backup-page';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/use-action';
import { numberFromText } from '../../format/number';
import { DialogActions } from './DialogActions';
import { durationInput } from './format';
import { clientOf, keepFields, keepTexts, retentionOf } from './plan-fields';
import { useTextFields, type Text } from './use-text-fields';

/** The plan's values as the form's text. */
function textOf(plan: PagePlan): Text {
  return {
    schedule: plan.schedule?.cron ?? '',
    timezone: plan.schedule?.timezone ?? plan.checkSchedule?.timezone ?? '',
    checkSchedule: plan.checkSchedule?.cron ?? '',
    client: plan.owner.kind === 'client' ? plan.owner.name : '',
    clientEmail: plan.owner.kind === 'client' ? (plan.owner.email ?? '') : '',
    retries: String(plan.runPolicy.retries),
    retryDelay: durationInput(plan.runPolicy.retryDelayMs),
    checkTimeout: durationInput(plan.runPolicy.checkTimeoutMs),
    overlap: plan.runPolicy.overlap,
    catchUp: plan.runPolicy.catchUp,
    ...keepTexts(plan.retention),
  };
}

/** The changes: an emptied schedule, check schedule or client is taken away; the rest is sent as typed for the server to check. */
function changesOf(t: Text, plan: PagePlan): PageEditPlanInput {
  const given = (key: string) => t[key]?.trim() || undefined;
  return {
    plan: plan.name,
    schedule: given('schedule') ?? null,
    checkSchedule: given('checkSchedule') ?? null,
    client: clientOf(t) ?? null,
    retention: retentionOf(t, plan.retention),
    ...(given('timezone') ? { timezone: given('timezone')! } : {}),
    ...(given('retries') ? { retries: numberFromText(given('retries')!) as number } : {}),
    ...(given('retryDelay') ? { retryDelay: given('retryDelay')! } : {}),
    ...(given('checkTimeout') ? { checkTimeout: given('checkTimeout')! } : {}),
    overlap: t.overlap === 'queue' ? 'queue' : 'skip',
    catchUp: t.catchUp === 'none' ? 'none' : 'latest',
  };
}

/**
 * Changes a plan: schedule, timezone, retention, check schedule, client and how its scheduled
 * work runs. Its repository and password stay (the form says so); its sources and excludes
 * name folders of this machine, so they are changed with `levqor backup plan edit`.
 */
export function PlanEditForm({ plan, onClose, onSaved }: { plan: PagePlan; onClose(): void; onSaved(plan: PagePlan): void }) {
  const save = useAction();
  const { id, text, set, field } = useTextFields(textOf(plan), 'plan-edit', save.error?.field, save.clearError);
  const submit = () =>
    void save.run(async () => {
      onSaved(await getApi().backup.pageUpdatePlan(changesOf(text, plan)));
    });
  const choice = (key: 'overlap' | 'catchUp', label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} className="select" value={text[key]} onChange={(e) => set(key, e.target.value)} data-testid={`plan-edit-${key}`}>
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Modal title={`Edit ${plan.name}`} className="dialog--wide" testId="plan-edit" busy={save.pending} onClose={onClose}>
      <form
        className="stack bk-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted" data-testid="plan-edit-fixed">
          The repository ({plan.repository}) and its password stay as they are: to move a plan, remove it and add it again. Folders and excludes are changed with <code>levqor backup plan edit {plan.name}</code>.
        </p>
        <div className="grid-2">
          {field('schedule', 'Schedule (cron)', { placeholder: '0 3 * * *', help: 'Leave empty to back up by hand.' })}
          {field('timezone', 'Timezone', { placeholder: 'Europe/London' })}
          {field('checkSchedule', 'Check schedule (cron)', { placeholder: '0 4 * * 0', help: 'When restic check runs; empty: by hand.' })}
          {field('checkTimeout', 'Check timeout', { placeholder: '12h', help: 'A check still going after this is stopped and fails.' })}
          {field('client', 'Done-for-you client', { placeholder: 'Acme Ltd', help: 'Empty: your own business.', blames: 'client.name' })}
          {field('clientEmail', 'Client email', { type: 'email', blames: 'client.email' })}
          {field('retries', 'Retries of a failed scheduled backup', { placeholder: '2' })}
          {field('retryDelay', 'First retry after', { placeholder: '1m', help: 'Each next wait doubles.' })}
          {choice('overlap', 'A fire while the last backup still runs', [
            ['skip', 'Skip it'],
            ['queue', 'Run it after'],
          ])}
          {choice('catchUp', 'Fires missed while the app was closed (within a day)', [
            ['latest', 'Run the newest once'],
            ['none', 'Let them go'],
          ])}
        </div>
        <div className="bk-keeps">{keepFields(field)}</div>
        <ErrorNotice message={save.error} inline testId="plan-edit-error" />
        <DialogActions pending={save.pending} submitLabel="Save changes" pendingLabel="Saving…" testId="plan-edit-submit" onCancel={onClose} />
      </form>
    </Modal>
  );
}
