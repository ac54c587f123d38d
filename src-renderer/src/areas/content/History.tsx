import type { ContentSet } from '../../../../shared/contract/content';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';
import { ExportButton } from './ExportButton';

/** The product's generated sets, newest first: open one, or export it again. */
export function History({ product, version, openId, onOpen }: { product: string; version: number; openId: string | undefined; onOpen(set: ContentSet): void }) {
  const sets = useLoad(() => getApi().content.list({ product, limit: 50 }), [product, version]);
  return (
    <Section id="content-history" title="History" description={`The sets generated for ${product}, newest first.`}>
      <ErrorNotice message={sets.error} onRetry={sets.reload} />
      {sets.data && sets.data.sets.length === 0 ? <p className="empty">No sets for this product yet: write a seed above.</p> : null}
      <ol className="plain-list content-history">
        {sets.data?.sets.map((s) => (
          <li key={s.id} className="content-history__item" data-set-id={s.id} aria-current={s.id === openId ? 'true' : undefined}>
            <div className="row-text">
              <strong>{s.seed.seed}</strong>
              <span className="muted">
                {new Date(s.at).toLocaleString()} · {s.engine}
              </span>
            </div>
            <div className="actions">
              <button type="button" className="button button--ghost" onClick={() => onOpen(s)} disabled={s.id === openId}>
                {s.id === openId ? 'Open' : 'Open set'}
              </button>
              <ExportButton setId={s.id} label="Export again" />
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
