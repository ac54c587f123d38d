import { useState } from 'react';
import type { ContentAsset, ContentSet } from '../../../../shared/contract/content';
import { getApi } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { AssetFields, withPart, type Json } from './AssetFields';
import { assetText, kindTitles, rulesByField } from './format';

/**
 * One asset of the open set: its text with Copy and Edit; editing turns it into its fields in
 * place. Save sends the edit to content.saveAsset, which holds it to the same validator as
 * generation: a broken rule shows under its field and nothing is saved.
 */
export function AssetCard({ set, asset, onSaved }: { set: ContentSet; asset: ContentAsset; onSaved(set: ContentSet): void }) {
  const [draft, setDraft] = useState<Json | undefined>(undefined);
  const save = useAction();
  const rules = save.error ? rulesByField(save.error.message) : new Map<string, string[]>();
  const idPrefix = `asset-${asset.kind}`;

  const submit = () =>
    void save.run(async () => {
      const saved = await getApi().content.saveAsset({ setId: set.id, kind: asset.kind, asset: draft as Record<string, unknown> });
      setDraft(undefined);
      onSaved(saved);
    }, 'save');

  return (
    <article className="card content-asset" aria-label={kindTitles[asset.kind]} data-kind={asset.kind}>
      <div className="section-head content-asset__head">
        <h3>{kindTitles[asset.kind]}</h3>
        <div className="actions">
          <CopyButton value={assetText(asset)} what={kindTitles[asset.kind]} testId={`copy-${asset.kind}`} />
          {draft === undefined ? (
            <button type="button" className="button button--ghost" onClick={() => setDraft(asset as unknown as Json)}>
              Edit
            </button>
          ) : null}
        </div>
      </div>
      {draft === undefined ? (
        <pre className="content-asset__text">{assetText(asset)}</pre>
      ) : (
        <form
          className="content-asset__form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <AssetFields idPrefix={idPrefix} value={draft} path={[]} rules={rules} onChange={(path, value) => setDraft((d) => withPart(d ?? null, path, value))} />
          <p className="muted content-asset__link">Link (kept as generated): {asset.link}</p>
          {save.error && rules.size > 0 ? <p className="field-error">Not saved: fix what is marked above.</p> : <ErrorNotice message={save.error} inline />}
          <div className="actions">
            <button type="submit" className="button" disabled={save.pending}>
              {save.pending ? 'Saving…' : 'Save'}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setDraft(undefined);
                save.clearError();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
