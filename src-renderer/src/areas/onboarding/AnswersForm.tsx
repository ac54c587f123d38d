import { useState, type FormEvent } from 'react';
import type { OnboardingAnswersInput, OnboardingProposal, OnboardingStatus } from '../../../../shared/contract/onboarding';
import { getApi } from '../../api/client';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';

const sellsChoices = [
  { value: 'digital', label: 'Digital products (templates, courses, packs…)' },
  { value: 'services', label: 'Done-for-you services' },
  { value: 'both', label: 'Both' },
] as const;
const alertChoices = [
  { value: 'os', label: 'This computer' },
  { value: 'telegram', label: 'Telegram' },
  { value: 'slack', label: 'Slack' },
  { value: 'email', label: 'Email' },
] as const;

interface FormValues {
  sells: string;
  siteUrl: string;
  productName: string;
  price: string;
  currency: string;
  alerts: string;
}

const empty: FormValues = { sells: 'digital', siteUrl: '', productName: '', price: '', currency: 'USD', alerts: 'os' };

/** The form's text as the answers the contract checks; a price that is not a number is sent as typed, for the server to name it. */
function answersOf(v: FormValues): OnboardingAnswersInput {
  const price = Number(v.price);
  return {
    sells: v.sells as OnboardingAnswersInput['sells'],
    siteUrl: v.siteUrl,
    productName: v.productName,
    price: v.price.trim() === '' || Number.isNaN(price) ? (v.price as unknown as number) : price,
    currency: v.currency,
    alerts: v.alerts as OnboardingAnswersInput['alerts'],
  };
}

/** What the model read from the sentence, laid over the form so the founder sees and fixes it. */
function withRead(v: FormValues, read: OnboardingProposal['answers']): FormValues {
  return {
    sells: read.sells ?? v.sells,
    siteUrl: read.siteUrl ?? v.siteUrl,
    productName: read.productName ?? v.productName,
    price: read.price === undefined ? v.price : String(read.price),
    currency: read.currency ?? v.currency,
    alerts: read.alerts ?? v.alerts,
  };
}

/** A question answered by picking one of its choices. */
function Question({ label, value, choices, onChange, testId }: { label: string; value: string; choices: ReadonlyArray<{ value: string; label: string }>; onChange(value: string): void; testId: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <ChoiceSelect value={value} choices={choices} onChange={onChange} testId={testId} />
    </label>
  );
}

/** The guide's questions: a sentence for the model when it is set up, and always the plain form. */
export function AnswersForm({ status, onProposal }: { status: OnboardingStatus; onProposal(p: OnboardingProposal): void }) {
  const [values, setValues] = useState<FormValues>(empty);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const action = useAction();
  const set = (key: keyof FormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  const propose = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const proposal = await getApi().onboarding.propose({ answers: answersOf(values) });
      setMissing([]);
      onProposal(proposal);
    }, 'form');
  };
  const read = () =>
    void action.run(async () => {
      const proposal = await getApi().onboarding.propose({ text });
      setValues((v) => withRead(v, proposal.answers));
      setMissing(proposal.missing);
      if (proposal.drafts.length > 0) onProposal(proposal);
    }, 'text');

  return (
    <div className="onb-questions">
      <section className="card onb-text" aria-labelledby="onb-text-title">
        <h3 id="onb-text-title">Tell it in a sentence</h3>
        {status.ai.available ? (
          <>
            <label className="field">
              <span>What you sell, where, and where you want alerts</span>
              <textarea className="input" rows={2} value={text} placeholder="I sell a £47 Notion pack at example.com; tell me on Telegram" onChange={(e) => setText(e.target.value)} data-testid="onb-text" />
            </label>
            <div className="actions">
              <button type="button" className="button button--ghost" disabled={action.pending || text.trim() === ''} onClick={read} data-testid="onb-read">
                {action.running === 'text' ? 'Reading…' : 'Read it into the form'}
              </button>
            </div>
          </>
        ) : (
          <p className="muted" data-testid="onb-no-ai">
            The AI model cannot read a sentence: {status.ai.reason} Answer the questions below instead; everything works without it.
          </p>
        )}
        {missing.length > 0 ? (
          <ul className="plain-list toned tone--warn" data-testid="onb-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <form className="card onb-form" onSubmit={propose} aria-label="Getting-started questions">
        <Question label="What do you sell?" value={values.sells} choices={sellsChoices} onChange={(v) => setValues((all) => ({ ...all, sells: v }))} testId="onb-sells" />
        <label className="field">
          <span>Your site’s address</span>
          <input className="input" value={values.siteUrl} placeholder="https://example.com" onChange={set('siteUrl')} data-testid="onb-site" />
        </label>
        <div className="grid-2">
          <label className="field">
            <span>Your first product’s name</span>
            <input className="input" value={values.productName} placeholder="Notion Launch Pack" onChange={set('productName')} data-testid="onb-product" />
          </label>
          <div className="toolbar">
            <label className="field">
              <span>Price</span>
              <input className="input" inputMode="decimal" value={values.price} placeholder="47" onChange={set('price')} data-testid="onb-price" />
            </label>
            <label className="field">
              <span>Currency</span>
              <input className="input onb-currency" value={values.currency} maxLength={3} onChange={set('currency')} data-testid="onb-currency" />
            </label>
          </div>
        </div>
        <Question label="Where do you want alerts?" value={values.alerts} choices={alertChoices} onChange={(v) => setValues((all) => ({ ...all, alerts: v }))} testId="onb-alerts" />
        <ErrorNotice message={action.error} inline testId="onb-error" />
        <div className="actions">
          <button type="submit" className="button" disabled={action.pending} data-testid="onb-propose">
            {action.running === 'form' ? 'Drafting…' : 'Draft my setup'}
          </button>
        </div>
      </form>
    </div>
  );
}
