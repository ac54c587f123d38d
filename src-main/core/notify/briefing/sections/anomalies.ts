import type { NoticeSeverity } from '../../../../../shared/contract/notify';
import type { AnomalySeverity } from '../../../../../shared/telemetry';
import { anomalyKindLabel } from '../../../../../shared/anomalies';
import { count, defineSection, line } from '../section-kit';

const severityOf: Record<AnomalySeverity, NoticeSeverity> = { page: 'critical', ticket: 'warning', warning: 'warning' };
const shown = 5;

/** Telemetry anomalies still open (as Guardian's summary lists them, most severe first). */
export const anomaliesSection = defineSection({ id: 'anomalies', title: 'Anomalies', area: 'telemetry' }, (ctx) => {
  const open = ctx.sources.summary().anomalies;
  if (open.length === 0) return { headline: 'no open anomalies', lines: [] };
  const lines = open.slice(0, shown).map((a) => line(`${anomalyKindLabel[a.kind]}: ${a.summary}`, severityOf[a.severity]));
  if (open.length > shown) lines.push(line(`and ${open.length - shown} more in Telemetry`));
  return { headline: `${count(open.length, 'open anomaly', 'open anomalies')}`, lines };
});
