import { Fragment, useId, useState } from 'react';
import { fieldLabel, formatJson } from '../format/json';

/** Deeper than this, a value is shown as JSON: fields inside fields stop being readable. */
const maxDepth = 5;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** One value: text wraps, objects become labelled fields (indented when nested), lists numbered items. */
function Value({ value, depth }: { value: unknown; depth: number }) {
  if (value === null || value === undefined) return <span className="muted">none</span>;
  if (typeof value === 'boolean') return <span>{value ? 'yes' : 'no'}</span>;
  if (typeof value === 'number') return <span className="num">{String(value)}</span>;
  if (typeof value === 'string') return value === '' ? <span className="muted">(empty)</span> : <span className="preview-fields__text">{value}</span>;
  if (depth >= maxDepth) return <code className="preview-fields__text">{JSON.stringify(value)}</code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">(empty list)</span>;
    return (
      <ol className="preview-fields__list">
        {value.map((item, i) => (
          <li key={i}>
            <Value value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return <Fields value={value as Record<string, unknown>} depth={depth + 1} />;
}

function Fields({ value, depth }: { value: Record<string, unknown>; depth: number }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">(nothing)</span>;
  return (
    <dl className={`facts preview-fields${depth > 0 ? ' preview-fields--nested' : ''}`}>
      {entries.map(([key, v]) => (
        <Fragment key={key}>
          <dt title={key}>{fieldLabel(key)}</dt>
          <dd>
            <Value value={v} depth={depth} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * What an approval would do, as readable fields (labelled values, nested ones indented, long
 * text wrapped), with the raw JSON behind a toggle. `testId` names the raw JSON block.
 */
export function PreviewFields({ value, testId }: { value: unknown; testId?: string }) {
  const [raw, setRaw] = useState(false);
  const rawId = useId();
  return (
    <div className="preview">
      <div data-testid={testId ? `${testId}-fields` : undefined}>{isRecord(value) ? <Fields value={value} depth={0} /> : <Value value={value} depth={0} />}</div>
      <button type="button" className="button button--ghost button--small preview__toggle" aria-expanded={raw} aria-controls={rawId} onClick={() => setRaw((r) => !r)}>
        {raw ? 'Hide raw JSON' : 'Show raw JSON'}
      </button>
      {raw ? (
        <pre id={rawId} className="code-block" data-testid={testId}>
          {formatJson(value)}
        </pre>
      ) : null}
    </div>
  );
}
