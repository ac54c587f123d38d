import { useEffect, useState } from 'react';
import type { LevqorError } from '../../../../shared/contract';
import type { ProductDetail as Detail, ProductSummary } from '../../../../shared/contract/products';
import { getApi } from '../../api/client';
import { toLevqorError } from '../../api/to-levqor-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChecklistPanel } from './ChecklistPanel';
import { CompilePanel } from './CompilePanel';
import { ContentFilesPanel } from './ContentFilesPanel';
import { toneClass } from '../../components/tone';
import { formatPrice, productStatusTone } from './format';

/** The selected product: what it is, compile, and its launch checklist. */
export function ProductDetail({ summary, onEdit }: { summary: ProductSummary; onEdit(detail: Detail): void }) {
  const [detail, setDetail] = useState<Detail | undefined>(undefined);
  const [error, setError] = useState<LevqorError | undefined>(undefined);
  const { slug } = summary;

  useEffect(() => {
    let live = true;
    setError(undefined);
    if (!summary.valid) {
      setDetail(undefined);
      return;
    }
    getApi()
      .products.get({ slug })
      .then((d) => live && setDetail(d))
      .catch((err: unknown) => live && setError(toLevqorError(err)));
    return () => {
      live = false;
    };
    // the summary changes whenever the product does (events reload the list)
  }, [slug, summary]);

  if (!summary.valid) {
    return (
      <section className="card section" aria-labelledby="invalid-title">
        <div className="section__head">
          <h2 id="invalid-title">{slug}: the spec file is invalid</h2>
          <p className="muted">
            Fix <code>{summary.file}</code> by hand (or run <code>levqor product validate {slug}</code>); it cannot be compiled until then.
          </p>
        </div>
        <ul className="lx-errors">
          {summary.errors.map((e) => (
            <li key={`${e.path}:${e.message}`} className="field-error">
              {e.path ? `${e.path}: ${e.message}` : e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <div className="stack" data-testid="product-detail">
      <section className="card lx-hero" aria-labelledby="product-title">
        <div>
          <p className="lx-hero__kicker">
            <span className={`pill pill--outlined ${toneClass(productStatusTone[summary.status ?? 'draft'])}`}>{summary.status ?? 'draft'}</span>
            <code>{slug}</code>
            {summary.version ? <span className="muted">v{summary.version}</span> : null}
          </p>
          <h2 id="product-title" className="lx-hero__title">
            {summary.name ?? slug}
          </h2>
          {detail ? <p className="muted lx-hero__desc">{detail.spec.description}</p> : null}
        </div>
        <div className="lx-hero__side">
          {summary.price !== undefined ? <span className="lx-hero__price">{formatPrice(summary.price, detail?.spec.currency)}</span> : null}
          <button type="button" className="button button--ghost" disabled={!detail} onClick={() => detail && onEdit(detail)}>
            Edit
          </button>
        </div>
        <ErrorNotice message={error} inline />
      </section>
      <ContentFilesPanel slug={slug} contentDir={summary.contentDir} />
      <CompilePanel
        slug={slug}
        hasContent={summary.hasContent}
        contentDir={summary.contentDir}
        lastBuild={summary.lastBuild}
        upload={summary.upload}
      />
      <ChecklistPanel slug={slug} />
    </div>
  );
}
