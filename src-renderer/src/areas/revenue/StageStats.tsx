import type { PipelineStats } from '../../../../shared/contract/pipeline';
import { DataTable, numberColumn } from '../../components/DataTable';
import { percentText, stayText } from './format';

const columns = ['Stage', numberColumn('Now'), numberColumn('Reached'), numberColumn('On to next'), numberColumn('Median time in stage'), numberColumn('Mean')];

/** Conversion along the main path and time in each stage (revenue.pipelineStats). */
export function StageStats({ label, stats }: { label: string; stats: PipelineStats }) {
  return (
    <div className="stack rv-stats" data-testid="stage-stats">
      <p className="muted">
        {stats.total} in all · close rate <strong data-testid="close-rate">{percentText(stats.closeRate)}</strong> · overall conversion <strong>{percentText(stats.overallConversion)}</strong>
      </p>
      <DataTable columns={columns} label={label}>
        {stats.stages.map((s) => (
          <tr key={s.stage}>
            <td>{s.label}</td>
            <td className="num">{s.count}</td>
            <td className="num">{s.reached}</td>
            <td className="num">{percentText(s.conversionToNext)}</td>
            <td className="num">{stayText(s.medianMs)}</td>
            <td className="num">{stayText(s.meanMs)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
