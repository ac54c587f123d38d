import { getApi } from '../../api/client';
import { CheckList } from '../../components/CheckList';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';

/** The hardening checklist from the real state (governance.hardening); desktop-only items say so under levqor serve. */
export function HardeningSection() {
  const report = useLoad(() => getApi().governance.hardening(), []);
  return (
    <Section id="hardening" title="Hardening" description="Computed now from this app's real state. Items marked desktop only can be checked only inside the desktop app.">
      <ErrorNotice message={report.error} onRetry={report.reload} />
      {report.data ? (
        <CheckList testId="hardening-item" rows={report.data.items.map((i) => ({ ...i, note: i.where === 'desktop' ? 'desktop only' : undefined }))} />
      ) : null}
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={report.reload} disabled={report.loading}>
          Check again
        </button>
      </div>
    </Section>
  );
}
