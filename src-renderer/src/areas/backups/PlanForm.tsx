import { useState } from 'react';
import type { PageAddPlanInput, PagePlan } from '../../../../shared/contract/backup-page';
import { getApi } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/use-action';
import { DialogActions } from './DialogActions';
import { clientOf, keepFields, retentionOf } from './plan-fields';
import { planAddCommand } from './format';
import { useTextFields, type Text } from './use-text-fields';

/** The input from what was typed; empty fields are left out, so the server names what is wrong with the rest. */
function inputOf(t: Text, where: 'appData' | 'url'): PageAddPlanInput {
  return {
    name: t.name ?? '',
    repository: where === 'appData' ? { kind: 'appData' } : { kind: 'url', url: t.url ?? '' },
    password: t.password ?? '',
    retention: retentionOf(t, {}),
    ...(t.schedule?.trim() ? { schedule: t.schedule.trim() } : {}),
    ...(clientOf(t) ? { client: clientOf(t) } : {}),
  };
}

/**
 * A new plan of the app's own data. The repository is one the app makes in its data folder or a
 * URL; the page never types a path of this machine, so folders are for the command line, shown
 * here to copy.
 */
export function PlanForm({ onClose, onAdded }: { onClose(): void; onAdded(plan: PagePlan): void }) {
  const [where, setWhere] = useState<'appData' | 'url'>('appData');
  const save = useAction();
  const { id, text, field } = useTextFields({}, 'plan-form', save.error?.field, save.clearError);
  const submit = () =>
    void save.run(async () => {
      onAdded(await getApi().backup.pageAddPlan(inputOf(text, where)));
    });

  return (
    <Modal title="New backup plan" className="dialog--wide" testId="plan-form" busy={save.pending} onClose={onClose}>
      <form
        className="stack bk-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid-2">
          {field('name', 'Name', { placeholder: 'business', help: 'Letters, digits, dots, dashes, underscores.' })}
          <div className="field">
            <span className="eyebrow">What it backs up</span>
            <p>This app’s data: its database (settings, encrypted secrets, workflows, runs, telemetry) and the products folder.</p>
          </div>
        </div>
        <fieldset className="field bk-where">
          <legend>Repository</legend>
          <label className="check">
            <input type="radio" name={`${id}-where`} checked={where === 'appData'} onChange={() => setWhere('appData')} data-testid="plan-form-where-appdata" />
            In the app’s data folder (made for this plan)
          </label>
          <label className="check">
            <input type="radio" name={`${id}-where`} checked={where === 'url'} onChange={() => setWhere('url')} data-testid="plan-form-where-url" />
            At a URL: rest:, sftp:, s3: or rclone:
          </label>
          {where === 'url' ? field('url', 'Repository URL', { placeholder: 'rest:https://backup.example.com/levqor', blames: 'repository' }) : null}
        </fieldset>
        <div className="grid-2">
          {field('password', 'Repository password', { type: 'password', help: 'At least 8 characters. Stored encrypted; without it the snapshots cannot be read.' })}
          {field('schedule', 'Schedule (cron, optional)', { placeholder: '0 3 * * *', help: 'Leave empty to back up by hand.' })}
          {field('client', 'Done-for-you client (optional)', { placeholder: 'Acme Ltd' })}
          {field('clientEmail', 'Client email (optional)', { type: 'email', blames: 'client.email' })}
        </div>
        <div className="bk-keeps">{keepFields(field)}</div>
        <div className="notice bk-cli" data-testid="plan-form-cli">
          <p>Folders on this machine (as sources, or as the repository) are added from the command line, so this page never names a path:</p>
          <div className="toolbar">
            <code className="code-block bk-cli__command">{planAddCommand}</code>
            <CopyButton value={planAddCommand} what="the command" />
          </div>
        </div>
        <ErrorNotice message={save.error} inline testId="plan-form-error" />
        <DialogActions pending={save.pending} submitLabel="Add plan" pendingLabel="Making the repository…" testId="plan-form-submit" onCancel={onClose} />
      </form>
    </Modal>
  );
}
