import { launchStages, type LaunchStage } from '../../../../shared/stage';
import { useApp } from '../../store/store-context';
import { Section } from '../../components/Section';
import { FieldError } from '../../components/FieldError';
import { SavedNotice } from '../../components/SavedNotice';
import { stageHints, stageLabels } from '../../components/StageBadge';
import { ApprovalMatrix } from './ApprovalMatrix';
import { useStageSwitch } from './use-stage-switch';

export function StageSection() {
  const stage = useApp((s) => s.stage);
  // the radio shows the new choice while it is asked about or saved
  const { choice, pending, error, saved, request, dialog } = useStageSwitch();
  if (!stage) return null;
  const checked = choice ?? stage.stored;
  const env = stage.source === 'env' ? stage.envOverride ?? stage.stage : undefined;

  return (
    <Section
      id="stage"
      title="Launch stage"
      description="Decides whether Class B steps (uploads, Slack posts, draft listings) run for real. Class C always waits for your approval."
    >
      {env ? (
        <p className="notice" data-testid="stage-env-explainer">
          The stage is set by <code>LEVQOR_LAUNCH_STAGE={env}</code> in the environment, and the environment variable wins: the app
          runs {env} whatever is chosen here. Your choice below is saved and applies once the variable is unset.
        </p>
      ) : null}
      <fieldset className="segmented" disabled={pending}>
        <legend className="sr-only">{env ? 'Stored launch stage' : 'Launch stage'}</legend>
        {launchStages.map((value: LaunchStage) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="launch-stage"
              value={value}
              checked={checked === value}
              aria-describedby={`stage-hint-${value}`}
              onChange={() => request(value)}
            />
            <span className="segmented__title">{stageLabels[value]}</span>
            <span className="segmented__hint" id={`stage-hint-${value}`}>
              {stageHints[value]}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row-status">
        <FieldError id="stage-error" error={error} />
        <SavedNotice show={saved} text={`Stage saved: ${stage.stored}`} />
      </div>
      <ApprovalMatrix stage={stage.stage} />
      {dialog}
    </Section>
  );
}
