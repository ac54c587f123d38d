import { useState } from 'react';
import type { LevqorError } from '../../../../shared/contract';
import type { StagePreview } from '../../../../shared/contract/stage';
import type { PreflightReport } from '../../../../shared/contract/governance';
import type { LaunchStage } from '../../../../shared/stage';
import { getApi } from '../../api/client';
import { toLevqorError } from '../../api/to-levqor-error';
import { useAction } from '../../hooks/use-action';
import { useApp } from '../../store/store-context';
import { StageConfirmDialog } from './StageConfirmDialog';

/**
 * Switching the launch stage from any control (the Launch stage radios, the stage row of
 * Preferences): going post-launch first asks, with what it will release (stage.preview) and
 * the preflight's checks (governance.preflight), which may block it; going pre-launch saves at once. `choice` is the stage being asked about or saved, for the
 * control to show meanwhile; `dialog` is the question, rendered by the caller.
 */
export function useStageSwitch() {
  const setStage = useApp((s) => s.setStage);
  const action = useAction();
  const [choice, setChoice] = useState<LaunchStage | undefined>(undefined);
  const [preview, setPreview] = useState<{ stage: StagePreview; preflight: PreflightReport } | undefined>(undefined);
  const [previewError, setPreviewError] = useState<LevqorError | undefined>(undefined);

  const save = (stage: LaunchStage) => {
    setChoice(stage);
    void action.run(() => setStage(stage)).finally(() => {
      setChoice(undefined);
      setPreview(undefined);
    });
  };
  const cancel = () => {
    setPreview(undefined);
    setChoice(undefined);
  };
  const request = (stage: LaunchStage) => {
    setPreviewError(undefined);
    if (stage !== 'post-launch') return save(stage);
    setChoice(stage);
    const api = getApi();
    Promise.all([api.stage.preview({ stage }), api.governance.preflight()])
      .then(([p, preflight]) => setPreview({ stage: p, preflight }), (err: unknown) => {
        setChoice(undefined);
        setPreviewError(toLevqorError(err));
      });
  };

  const dialog = preview ? <StageConfirmDialog preview={preview.stage} preflight={preview.preflight} busy={action.pending} onConfirm={() => save(preview.stage.stage)} onCancel={cancel} /> : null;
  return { choice, pending: choice !== undefined, error: action.error ?? previewError, saved: action.saved, request, dialog };
}
