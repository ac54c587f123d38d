import type { StepClass } from '../../../shared/workflow';

/** What each class means (docs/architecture.md), one sentence each: the badge's tooltip and accessible description everywhere it is shown. */
export const classMeaning: Record<StepClass, string> = {
  A: 'Class A runs: internal, read-only or reversible steps never wait for you.',
  B: 'Class B runs after your approval in pre-launch (showing its dry run first), and by itself post-launch: an external, low-risk effect.',
  C: 'Class C always asks: money, customers or anything destructive waits for your approval every time.',
};

const unknownMeaning = 'Unknown step type: no class.';

interface Props {
  /** undefined: an unknown step type, shown as "?". */
  cls: StepClass | undefined;
  testId?: string;
  /** The compact chip of the canvas, the palette and tables, rather than the tile of a list item. */
  small?: boolean;
  /** The workflow raised this step's class above its type's. */
  raised?: boolean;
}

/** The one A/B/C risk-class badge, in the class colours of the brand, explaining its class on hover and to screen readers. */
export function ClassBadge({ cls, testId, small = false, raised = false }: Props) {
  const size = small ? ' class-badge--small' : '';
  const meaning = cls ? `${classMeaning[cls]}${raised ? ' Raised by this workflow above its step type’s class.' : ''}` : unknownMeaning;
  return (
    <span
      className={`class-badge${size} class-badge--${cls ?? 'unknown'}`}
      role="img"
      aria-label={cls ? `Class ${cls}` : 'Unknown class'}
      aria-description={meaning}
      title={meaning}
      data-testid={testId}
    >
      <span className="sr-only">Class </span>
      {cls ?? '?'}
      {raised ? '↑' : ''}
    </span>
  );
}
