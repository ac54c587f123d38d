import { useState, type FormEvent } from 'react';
import type { ContentEngineName, ContentEngineStatus, ContentSet } from '../../../../shared/contract/content';
import type { ProductSummary } from '../../../../shared/contract/products';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';

const seedMax = 500;

/**
 * The idea seed: one sentence, the product it drives traffic to, audience, tone, language and
 * the engine. The ai engine is offered only when content.engines says it can write, and says why
 * not otherwise. A refusal names its field under that field; nothing is generated then.
 */
export function SeedForm({ products, product, onProduct, engines, onGenerated }: { products: ProductSummary[]; product: string; onProduct(slug: string): void; engines: ContentEngineStatus[] | undefined; onGenerated(set: ContentSet): void }) {
  const [seed, setSeed] = useState('');
  const [audience, setAudience] = useState('');
  const [tone, setTone] = useState('');
  const [language, setLanguage] = useState('');
  const [engine, setEngine] = useState<ContentEngineName>('templates');
  const action = useAction();
  const ai = engines?.find((e) => e.name === 'ai');
  const blamed = (field: string) => (action.error?.field === field ? action.error : undefined);
  const shownElsewhere = ['seed', 'product', 'audience', 'tone', 'language'].includes(action.error?.field ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => onGenerated(await getApi().content.generate({ seed, product, audience, tone, language, engine })), 'generate');
  };
  const text = (id: string, label: string, value: string, set: (v: string) => void, placeholder: string) => (
    <div className="field">
      <label htmlFor={`content-${id}`}>{label}</label>
      <input id={`content-${id}`} className="input" value={value} placeholder={placeholder} onChange={(e) => set(e.target.value)} aria-invalid={blamed(id) ? true : undefined} />
      <FieldError id={`content-${id}-error`} error={blamed(id)} />
    </div>
  );

  return (
    <form className="card section content-seed" onSubmit={submit} aria-label="Idea seed">
      <div className="field">
        <label htmlFor="content-seed">Idea seed (one sentence)</label>
        <textarea id="content-seed" className="input" rows={2} value={seed} placeholder="Stop answering the same support email by hand" onChange={(e) => setSeed(e.target.value)} aria-invalid={blamed('seed') ? true : undefined} />
        <p className={seed.length > seedMax ? 'field-error' : 'muted'}>
          {seed.length}/{seedMax}
        </p>
        <FieldError id="content-seed-error" error={blamed('seed')} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="content-product">Product</label>
          <select id="content-product" className="input" value={product} onChange={(e) => onProduct(e.target.value)}>
            {products.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name ?? p.slug}
              </option>
            ))}
          </select>
          <FieldError id="content-product-error" error={blamed('product')} />
        </div>
        <div className="field">
          <label htmlFor="content-engine">Engine</label>
          <select id="content-engine" className="input" value={engine} onChange={(e) => setEngine(e.target.value as ContentEngineName)}>
            <option value="templates">Templates (offline)</option>
            <option value="ai" disabled={!ai?.available}>
              AI model{ai?.available ? '' : ' (not available)'}
            </option>
          </select>
          {ai && !ai.available ? (
            <p className="muted" data-testid="ai-engine-reason">
              AI engine off: {ai.reason}
            </p>
          ) : null}
        </div>
        {text('audience', 'Audience', audience, setAudience, 'solo founders')}
        {text('tone', 'Tone', tone, setTone, 'plain, friendly')}
        {text('language', 'Language', language, setLanguage, 'English')}
      </div>
      {shownElsewhere ? null : <ErrorNotice message={action.error} inline />}
      <div className="actions">
        <button type="submit" className="button" disabled={action.pending || product === ''}>
          {action.pending ? 'Generating…' : 'Generate the six assets'}
        </button>
      </div>
    </form>
  );
}
