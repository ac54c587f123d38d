import type { StepClass } from '../../../shared/workflow';

/** What each class means (docs/architecture.md): the badge's hint where the place has nothing more specific to say. */
export const classMeaning: Record<StepClass, string> = {
  A: 'Class A: internal, read-only or reversible — always runs',
  B: 'Class B: external, low risk — before launch it asks for approval, showing its dry run',
  C: 'Class C: money, customers or destruction — always needs an approval',
};

interface Props {
  /** undefined: an unknown step type, shown as "?". */
  cls: StepClass | undefined;
  hint?: string;
  testId?: string;
  /** The compact chip of the canvas, the palette and tables, rather than the tile of a list item. */
  small?: boolean;
  /** The workflow raised this step's class above its type's. */
  raised?: boolean;
}

/** The one A/B/C risk-class badge, in the class colours of the brand. */
export function ClassBadge({ cls, hint, testId, small = false, raised = false }: Props) {
  const size = small ? ' class-badge--small' : '';
  if (!cls) {
    return (
      <span className={`class-badge${size} class-badge--unknown`} title="Unknown step type: no class" data-testid={testId}>
        ?
      </span>
    );
  }
  return (
    <span className={`class-badge${size} class-badge--${cls}`} title={`${hint ?? classMeaning[cls]}${raised ? ' (raised by this workflow)' : ''}`} data-testid={testId}>
      <span className="sr-only">Class </span>
      {cls}
      {raised ? '↑' : ''}
    </span>
  );
}
