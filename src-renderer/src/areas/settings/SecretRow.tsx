import { useState, type FormEvent } from 'react';
import type { SecretStatus, SecretTest } from '../../../../shared/contract/secrets';
import { getApi } from '../../api/client';
import { toneClass, type Tone } from '../../components/tone';
import { useApp } from '../../store/store-context';
import { useAction } from '../../hooks/use-action';
import { FieldError } from '../../components/FieldError';
import { SavedNotice } from '../../components/SavedNotice';
import { RowFrame } from './RowFrame';
import { When } from '../../components/When';

const testWords: Record<SecretTest['outcome'], { tone: Tone; lead: string }> = {
  ok: { tone: 'good', lead: 'Test passed' },
  failed: { tone: 'bad', lead: 'Test failed' },
  untested: { tone: 'muted', lead: 'Not tested' },
  'not-set': { tone: 'muted', lead: 'Not tested' },
};

/** What the last "Test" found, coloured by its outcome. */
function TestResult({ id, result }: { id: string; result: SecretTest | undefined }) {
  if (!result) return null;
  const words = testWords[result.outcome];
  return (
    <p className={`toned secret__test ${toneClass(words.tone)}`} data-testid={id} data-outcome={result.outcome}>
      {words.lead}
      {result.source === 'env' ? ' (the environment variable\u2019s value)' : ''}: {result.message}
    </p>
  );
}

/**
 * One secret: whether it is set, and a write-only input. The typed value lives only in the
 * input element until Save, goes straight to the API, and the input is emptied afterwards.
 */
export function SecretRow({ secret }: { secret: SecretStatus }) {
  const setSecret = useApp((s) => s.setSecret);
  const clearSecret = useApp((s) => s.clearSecret);
  const save = useAction();
  const clear = useAction();
  const testing = useAction();
  const [tested, setTested] = useState<SecretTest | undefined>(undefined);
  const base = `secret-${secret.name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const stored = secret.updatedAt !== undefined;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const input = form.elements.namedItem('value') as HTMLInputElement;
    const ok = await save.run(() => setSecret(secret.name, input.value));
    if (ok) {
      form.reset();
      setTested(undefined);
    }
  };
  // the service answers with what it found; the value itself never comes back
  const test = () => void testing.run(async () => setTested(await getApi().secrets.test({ name: secret.name })));

  return (
    <RowFrame
      kind="secret"
      base={base}
      label={secret.label}
      about={
        <>
          <p className="setting__meta">
            <span className={`dot ${secret.set ? 'tone--good' : 'tone--muted'}`} data-testid={`${base}-status`}>
              {secret.set ? 'Set' : 'Not set'}
            </span>
            {secret.source === 'env' ? (
              <span className="tag tag--env">
                from env <code>{secret.env}</code>
              </span>
            ) : (
              <span className="muted">
                or set <code>{secret.env}</code>
              </span>
            )}
            {stored && secret.updatedAt !== undefined ? (
              <span className="muted">Saved <When at={secret.updatedAt} /></span>
            ) : null}
          </p>
          {secret.source === 'env' && stored ? (
            <p className="muted setting__env-note">The environment variable wins over the saved value.</p>
          ) : null}
        </>
      }
    >
      <form className="actions" onSubmit={(e) => void submit(e)} autoComplete="off">
        <input
          className="input"
          type="password"
          name="value"
          required
          autoComplete="new-password"
          spellCheck={false}
          placeholder={secret.set ? 'Replace value' : 'Paste value'}
          aria-label={`New value for ${secret.label}`}
          aria-describedby={`${base}-error`}
          aria-invalid={save.error ? true : undefined}
          disabled={save.pending}
        />
        <button type="submit" className="button" aria-label={`Save ${secret.label}`} disabled={save.pending}>
          Save
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Clear ${secret.label}`}
          disabled={!stored || clear.pending}
          onClick={() => void clear.run(() => clearSecret(secret.name))}
        >
          Clear
        </button>
        <button type="button" className="button button--ghost" aria-label={`Test ${secret.label}`} disabled={!secret.set || testing.pending} onClick={test}>
          {testing.pending ? 'Testing…' : 'Test'}
        </button>
      </form>
      <div className="row-status">
        <FieldError id={`${base}-error`} error={save.error ?? clear.error ?? testing.error} named={(save.error ?? clear.error)?.field === 'value'} />
        <SavedNotice show={save.saved || clear.saved} text={save.saved ? 'Saved' : 'Cleared'} />
        <TestResult id={`${base}-test`} result={tested} />
      </div>
    </RowFrame>
  );
}
