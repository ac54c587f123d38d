import { useEffect, useState } from 'react';
import { telemetryLevels, type TelemetryLevel } from '../../../../shared/telemetry';
import { explorerRangeOptions, type ExplorerFilters as Filters, type RangeKey } from './filters';

type TextKey = 'text' | 'source' | 'endpoint' | 'fingerprint';

const textFields: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'text', label: 'Search messages', placeholder: 'Search messages…' },
  { key: 'source', label: 'Source', placeholder: 'Source (exact)' },
  { key: 'endpoint', label: 'Endpoint', placeholder: 'Endpoint, e.g. /api/orders' },
  { key: 'fingerprint', label: 'Fingerprint', placeholder: 'Fingerprint' },
];

/** Level chips, text fields (applied 300 ms after typing stops) and a time range. */
export function ExplorerFilters({ filters, onChange }: { filters: Filters; onChange(next: Filters): void }) {
  const [draft, setDraft] = useState<Record<TextKey, string>>({ text: filters.text, source: filters.source, endpoint: filters.endpoint, fingerprint: filters.fingerprint });

  // outside changes (a group clicked, "clear filters") reach the inputs
  useEffect(() => {
    setDraft({ text: filters.text, source: filters.source, endpoint: filters.endpoint, fingerprint: filters.fingerprint });
  }, [filters.text, filters.source, filters.endpoint, filters.fingerprint]);

  useEffect(() => {
    const changed = textFields.some(({ key }) => draft[key] !== filters[key]);
    if (!changed) return;
    const timer = window.setTimeout(() => onChange({ ...filters, ...draft }), 300);
    return () => window.clearTimeout(timer);
  }, [draft, filters, onChange]);

  const toggle = (level: TelemetryLevel) => {
    const levels = filters.levels.includes(level) ? filters.levels.filter((l) => l !== level) : [...filters.levels, level];
    onChange({ ...filters, levels: telemetryLevels.filter((l) => levels.includes(l)) });
  };

  return (
    <div className="tfilters" role="search" aria-label="Filter telemetry">
      <div className="tfilters__levels" role="group" aria-label="Levels">
        {telemetryLevels.map((level) => (
          <button
            key={level}
            type="button"
            className={`chip chip--${level}`}
            aria-pressed={filters.levels.includes(level)}
            onClick={() => toggle(level)}
          >
            {level}
          </button>
        ))}
      </div>
      <div className="tfilters__fields">
        {textFields.map(({ key, label, placeholder }) => (
          <input
            key={key}
            className={`input tfilters__${key}`}
            type="search"
            aria-label={label}
            placeholder={placeholder}
            value={draft[key]}
            spellCheck={false}
            onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ ...filters, ...draft });
            }}
          />
        ))}
        <select className="select tfilters__range" aria-label="Time range" value={filters.range} onChange={(e) => onChange({ ...filters, range: e.target.value as RangeKey })}>
          {explorerRangeOptions.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {filters.range === 'custom' ? (
        <div className="tfilters__custom">
          <label>
            <span>From</span>
            <input className="input" type="datetime-local" step={1} value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ ...filters, from: e.target.value })} />
          </label>
          <label>
            <span>To</span>
            <input className="input" type="datetime-local" step={1} value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ ...filters, to: e.target.value })} />
          </label>
          <span className="muted">local time; leave one empty for an open end</span>
        </div>
      ) : null}
    </div>
  );
}
