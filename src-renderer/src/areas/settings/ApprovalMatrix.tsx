import type { LaunchStage } from '../../../../shared/stage';
import { ClassBadge } from '../../components/ClassBadge';

/** docs/architecture.md, launch stage and approvals: what each approval class does in each stage. */
const rows = [
  { cls: 'A', what: 'Internal, read-only or reversible', pre: 'Runs', post: 'Runs' },
  { cls: 'B', what: 'External but low-risk', pre: 'Asks for approval, showing its dry run', post: 'Runs' },
  { cls: 'C', what: 'Money, customers or destruction', pre: 'Needs approval', post: 'Needs approval' },
] as const;

export function ApprovalMatrix({ stage }: { stage: LaunchStage }) {
  const col = (s: LaunchStage) => (s === stage ? 'matrix__current' : undefined);
  return (
    <table className="data-table data-table--framed matrix">
      <caption className="sr-only">What each approval class does in each launch stage</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <th scope="col" className={col('pre-launch')}>
            Pre-launch
          </th>
          <th scope="col" className={col('post-launch')}>
            Post-launch
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.cls}>
            <th scope="row">
              <ClassBadge cls={r.cls} small />
              <span className="matrix__what">{r.what}</span>
            </th>
            <td className={col('pre-launch')}>{r.pre}</td>
            <td className={col('post-launch')}>{r.post}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
