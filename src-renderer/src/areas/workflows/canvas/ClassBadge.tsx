import type { StepClass } from '../../../../../shared/workflow';

const meaning: Record<StepClass, string> = {
  A: 'Class A: internal, read-only or reversible — always runs',
  B: 'Class B: external, low risk — dry run before launch unless approved',
  C: 'Class C: money, customers or destruction — always needs an approval',
};

/** The A/B/C badge, in the class colours of the brand. */
export function ClassBadge({ value, raised }: { value: StepClass | undefined; raised?: boolean }) {
  if (!value) return <span className="fc-class fc-class--unknown" title="Unknown step type: no class">?</span>;
  return (
    <span className={`fc-class fc-class--${value}`} title={`${meaning[value]}${raised ? ' (raised by this workflow)' : ''}`}>
      {value}
      {raised ? '↑' : ''}
    </span>
  );
}
