import { useState } from 'react';
import { templateCategories, type TemplateCategory, type TemplateSummary } from '../../../../../shared/contract/templates';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLoad } from '../../../hooks/use-load';
import { workflowsHref } from '../routes';
import { UseTemplateForm } from './UseTemplateForm';

function matches(t: TemplateSummary, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const text = `${t.name} ${t.description} ${t.category} ${t.inputs.map((i) => i.label).join(' ')}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The template gallery: categories, search, one card per template; "Use" asks its inputs and opens the new workflow. */
export function TemplatesPage() {
  const list = useLoad(() => getApi().templates.list({}), []);
  const [category, setCategory] = useState<TemplateCategory | 'all'>('all');
  const [search, setSearch] = useState('');
  const [using, setUsing] = useState<string | undefined>(undefined);
  const shown = (list.data?.templates ?? []).filter((t) => (category === 'all' || t.category === category) && matches(t, search));
  return (
    <div className="stack wfx" data-testid="templates-gallery">
      <div className="toolbar">
        <a className="button button--ghost" href={workflowsHref.list()}>
          ← All workflows
        </a>
        <select className="input" aria-label="Category" data-testid="templates-category" value={category} onChange={(e) => setCategory(e.target.value as TemplateCategory | 'all')}>
          <option value="all">All categories</option>
          {templateCategories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <input className="input" type="search" placeholder="Search templates" aria-label="Search templates" data-testid="templates-search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ErrorNotice message={list.error && `Could not load templates: ${list.error}`} onRetry={list.reload} />
      {list.data === undefined && !list.error ? <p className="muted">Loading…</p> : null}
      {list.data !== undefined && shown.length === 0 ? (
        <div className="card empty" data-testid="templates-empty">
          <strong>No template matches</strong>
          <span className="muted">Try another category or fewer words.</span>
        </div>
      ) : null}
      {shown.map((t) => (
        <section key={t.id} className="card stack" data-testid={`template-card-${t.id}`}>
          <div className="toolbar">
            <strong>{t.name}</strong>
            <span className="pill pill--muted">{t.category}</span>
          </div>
          <p>{t.description}</p>
          <p className="muted">Asks for: {t.inputs.length === 0 ? 'nothing' : t.inputs.map((i) => `${i.label} (${i.type})`).join(', ')}</p>
          {using === t.id ? (
            <UseTemplateForm template={t} onCancel={() => setUsing(undefined)} />
          ) : (
            <div className="toolbar">
              <button type="button" className="button" data-testid={`template-use-${t.id}`} onClick={() => setUsing(t.id)}>
                Use
              </button>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
