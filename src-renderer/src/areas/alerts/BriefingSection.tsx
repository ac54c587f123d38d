import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { BriefingDocument } from './BriefingDocument';
import { BriefingSend } from './BriefingSend';
import { BriefingSettings } from './BriefingSettings';

/** The daily briefing: today's composed now (notify.briefing without send, which changes nothing), its settings, Send now. */
export function BriefingSection() {
  const preview = useLoad(() => getApi().notify.briefing({}), []);
  return (
    <section className="card section" aria-labelledby="al-briefing-title" data-testid="alerts-briefing">
      <div className="section-head">
        <h2 id="al-briefing-title">Daily briefing</h2>
        <button type="button" className="button button--ghost" onClick={preview.reload} disabled={preview.loading} data-testid="briefing-refresh">
          Compose again
        </button>
      </div>
      <p className="muted">Today’s briefing as it would go out now, from this app’s own data.</p>
      <ErrorNotice message={preview.error ? `Could not compose the briefing: ${preview.error}` : undefined} onRetry={preview.reload} />
      {preview.data ? <BriefingDocument briefing={preview.data.briefing} /> : preview.error ? null : <p className="muted">Composing…</p>}
      <BriefingSettings />
      <BriefingSend />
    </section>
  );
}
