import { useApp } from '../store/store-context';

const labels = { 'pre-launch': 'Pre-launch', 'post-launch': 'Post-launch' } as const;
const hints = {
  'pre-launch': 'Class B steps ask for approval first, showing their dry run',
  'post-launch': 'Class B steps run for real',
} as const;

/** The launch stage on every page, and whether LEVQOR_LAUNCH_STAGE put it there. */
export function StageBadge() {
  const stage = useApp((s) => s.stage);
  if (!stage) return <span className="stage-badge stage-badge--pending">Stage…</span>;
  const fromEnv = stage.source === 'env';
  return (
    <div className="stage" data-testid="stage-indicator">
      <span className={`stage-badge stage-badge--${stage.stage}`} data-testid="stage-badge" title={hints[stage.stage]}>
        <span className="sr-only">Launch stage: </span>
        {labels[stage.stage]}
      </span>
      {fromEnv ? (
        <span className="stage__env" data-testid="stage-env-note">
          set by <code>LEVQOR_LAUNCH_STAGE</code>
        </span>
      ) : (
        <span className="stage__env stage__env--muted">{hints[stage.stage]}</span>
      )}
    </div>
  );
}

export { labels as stageLabels, hints as stageHints };
