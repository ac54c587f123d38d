import { useState } from 'react';
import type { SettingEntry } from '../../../../shared/contract/settings';
import type { LaunchStage } from '../../../../shared/stage';
import { useApp } from '../../store/store-context';
import { useAction } from '../../hooks/use-action';
import { FieldError } from '../../components/FieldError';
import { SavedNotice } from '../../components/SavedNotice';
import { RowFrame } from './RowFrame';
import { SettingControl } from './SettingControl';
import { SourceTag } from './SourceTag';
import { formatSettingValue, settingKind } from './setting-kind';
import { useStageSwitch } from './use-stage-switch';

/** Saving one setting: the value being saved (while it is), and how it went. */
function useSettingSave(key: string) {
  const setSetting = useApp((s) => s.setSetting);
  const action = useAction();
  const [saving, setSaving] = useState<{ value: unknown } | undefined>(undefined);
  const save = (value: unknown) => {
    setSaving({ value });
    void action.run(() => setSetting(key, value)).finally(() => setSaving(undefined));
  };
  return { saving, pending: action.pending, error: action.error, saved: action.saved, save, dialog: null };
}

export function SettingRow({ entry }: { entry: SettingEntry }) {
  const generic = useSettingSave(entry.key);
  // the launch stage changes only through the one switch that asks before going post-launch
  const stage = useStageSwitch();
  const action =
    entry.key === 'stage'
      ? { ...stage, saving: stage.choice ? { value: stage.choice } : undefined, save: (value: unknown) => stage.request(value as LaunchStage) }
      : generic;
  const base = `setting-${entry.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const fromEnv = entry.source === 'env';
  const kind = settingKind(entry);
  // a select or switch shows the new value while it is being saved (text inputs keep their own draft)
  const shown = action.saving && (kind.kind === 'enum' || kind.kind === 'boolean') ? action.saving.value : entry.value;

  return (
    <RowFrame
      kind="setting"
      base={base}
      label={entry.label}
      about={
        <>
          <p className="muted setting__desc" id={`${base}-desc`}>
            {entry.description}
          </p>
          <p className="setting__meta">
            <code className="setting__key">{entry.key}</code>
            <SourceTag source={entry.source} env={entry.env} />
            <span className="muted">Default: {formatSettingValue(entry.defaultValue)}</span>
          </p>
          {fromEnv ? (
            <p className="muted setting__env-note">
              <code>{entry.env}</code> sets this value; the environment variable wins, so it cannot be changed here.
            </p>
          ) : null}
          {entry.cliOnly && !fromEnv ? (
            <p className="muted setting__env-note" data-testid={`${base}-cli-only`}>
              Only the command line or <code>{entry.env}</code> can change this, not a page: {entry.cliOnly}. <code>levqor settings set {entry.key} VALUE</code>
            </p>
          ) : null}
        </>
      }
    >
      <SettingControl
        id={`${base}-input`}
        labelId={`${base}-label`}
        describedBy={`${base}-desc ${base}-error`}
        kind={kind}
        value={shown}
        disabled={action.pending || fromEnv || entry.cliOnly !== undefined}
        invalid={action.error !== undefined}
        onSave={action.save}
      />
      <div className="row-status">
        <FieldError id={`${base}-error`} error={action.error} named={action.error?.field === 'value'} />
        <SavedNotice show={action.saved} />
      </div>
      {action.dialog}
    </RowFrame>
  );
}
