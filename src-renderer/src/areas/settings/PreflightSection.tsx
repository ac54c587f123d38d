import type { PreflightReport } from '../../../../shared/contract/governance';
import { CheckList } from '../../components/CheckList';
import { OverrideForm } from './OverrideForm';

/**
 * The preflight in the switch's question. While a check blocks, every check shows and the
 * override form follows; when nothing blocks, the list folds away behind its verdict and the
 * count of warnings, so the question and its buttons stay on a small screen.
 */
export function PreflightSection({ report }: { report: PreflightReport }) {
  const blocking = report.checks.filter((c) => c.status === 'block').length;
  const warnings = report.checks.filter((c) => c.status === 'warn').length;
  const list = <CheckList testId="preflight-check" rows={report.checks} />;
  return (
    <section aria-labelledby="preflight-title" data-testid="preflight">
      <h3 id="preflight-title" data-testid="preflight-verdict">
        {blocking > 0 ? `Preflight: ${blocking} check(s) block going post-launch` : 'Preflight: nothing blocks going post-launch'}
      </h3>
      {blocking > 0 ? (
        <>
          {list}
          <OverrideForm />
        </>
      ) : (
        <details>
          <summary>{warnings > 0 ? `${warnings} warning(s): see the checks` : 'Every check passes: see them'}</summary>
          {list}
        </details>
      )}
    </section>
  );
}
