import type { SettingEntry } from '../../../../shared/contract/settings';
import { useApp } from '../../store/store-context';
import { useAction } from '../../hooks/use-action';
import { FieldError } from '../../components/FieldError';
import { SavedNotice } from '../../components/SavedNotice';
import { SettingControl } from './SettingControl';
import { SourceTag } from './SourceTag';
import { formatSettingValue, settingKind } from './setting-kind';

export function SettingRow({ entry }: { entry: SettingEntry }) {
  const setSetting = useApp((s) => s.setSetting);
  const { pending, error, saved, run } = useAction();
  const base = `setting-${entry.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const fromEnv = entry.source === 'env';

  return (
    <li className="setting" data-testid={base}>
      <div className="setting__about">
        <span className="setting__label" id={`${base}-label`}>
          {entry.label}
        </span>
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
      </div>
      <div className="setting__control">
        <SettingControl
          id={`${base}-input`}
          labelId={`${base}-label`}
          describedBy={`${base}-desc ${base}-error`}
          kind={settingKind(entry)}
          value={entry.value}
          disabled={pending || fromEnv}
          invalid={error !== undefined}
          onSave={(value) => void run(() => setSetting(entry.key, value))}
        />
        <div className="row-status">
          <FieldError id={`${base}-error`} error={error} />
          <SavedNotice show={saved} />
        </div>
      </div>
    </li>
  );
}
