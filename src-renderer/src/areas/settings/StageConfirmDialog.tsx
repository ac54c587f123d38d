import type { StagePreview } from '../../../../shared/contract/stage';
import { formatBytes } from '../../../../shared/bytes';
import type { PreflightReport } from '../../../../shared/contract/governance';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PreflightSection } from './PreflightSection';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Going post-launch, said before it happens: the pending uploads it sends to Drive without
 * an approval, and the Class B steps that then run for real (count and names).
 */
export function StageConfirmDialog({ preview, preflight, busy, onConfirm, onCancel }: { preview: StagePreview; preflight: PreflightReport; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { releasedUploads: uploads, classBSteps: steps } = preview;
  const workflows = new Set(steps.map((s) => s.workflowId)).size;
  return (
    <ConfirmDialog title="Go post-launch?" confirmLabel="Go post-launch" dismissLabel="Stay pre-launch" busy={busy} confirmDisabled={preflight.blocked} wide onConfirm={onConfirm} onCancel={onCancel}>
      <div className="stage-confirm" data-testid="stage-confirm">
        <PreflightSection report={preflight} />
        {preview.changes ? null : (
          <p className="notice" data-testid="stage-confirm-env">
            <code>LEVQOR_LAUNCH_STAGE={preview.envOverride}</code> decides the stage: saving post-launch changes nothing until the variable is unset.
          </p>
        )}
        <section aria-labelledby="stage-confirm-steps">
          <h3 id="stage-confirm-steps" data-testid="stage-confirm-steps-title">
            {steps.length === 0 ? 'No Class B step is waiting to run for real' : `${plural(steps.length, 'Class B step')} in ${plural(workflows, 'workflow')} will run for real`}
          </h3>
          {steps.length > 0 ? (
            <ul className="stage-confirm__list" data-testid="stage-confirm-steps">
              {steps.map((s) => (
                <li key={`${s.workflowId}/${s.nodeId}`}>
                  {s.workflowName} › {s.name} <span className="muted">({s.stepType})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Enabled workflows have no Class B step (uploads, posts, outside requests that change something).</p>
          )}
        </section>
        <section aria-labelledby="stage-confirm-uploads">
          <h3 id="stage-confirm-uploads" data-testid="stage-confirm-uploads-title">
            {uploads.length === 0 ? 'No upload is waiting for approval' : `${plural(uploads.length, 'pending upload')} will be sent to Google Drive now, without an approval`}
          </h3>
          {uploads.length > 0 ? (
            <ul className="stage-confirm__list" data-testid="stage-confirm-uploads">
              {uploads.map((u) => (
                <li key={u.id}>
                  {u.fileName} <span className="muted">({u.slug} {u.version}, {formatBytes(u.bytes)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <p>Class C steps (money, customers, deleting) still ask you every time. You can switch back to pre-launch at any moment.</p>
      </div>
    </ConfirmDialog>
  );
}
