import type { CliContext, ParsedArgs } from '../command';
import type { PanelTarget } from './entry';
import { launchPlanEntry } from './launch-plan';
import { panelMetrics, showMetrics, type MetricsWindow } from './metrics';

function metricsEntry(window: MetricsWindow, summary: string): PanelTarget {
  return {
    summary,
    async run(ctx: CliContext, _args: ParsedArgs) {
      const metrics = await panelMetrics(ctx, window);
      ctx.print(metrics, () => showMetrics(metrics));
    },
  };
}

/**
 * The creator panel, name by name: the `levqor` command each one runs (by its words), or its own
 * entry. Every one calls procedures through the dispatcher, like every `levqor` command.
 */
export const panelTable: ReadonlyArray<readonly [name: string, target: PanelTarget]> = [
  ['status', 'status'],
  ['stage', 'stage get'],
  ['metrics:today', metricsEntry('today', 'Today since 00:00 UTC: runs by outcome, approvals waiting, new leads and DFY requests, telemetry anomalies, MRR and this month\u2019s net revenue.')],
  ['metrics:week', metricsEntry('week', 'The last 7 days: runs by outcome, approvals waiting, new leads and DFY requests, telemetry anomalies, MRR and this month\u2019s net revenue.')],
  ['products', 'product list'],
  ['product:new', 'product new'],
  ['product:validate', 'product validate'],
  ['product:compile', 'product compile'],
  ['product:checklist', 'product checklist'],
  ['product:assets', 'product assets'],
  ['product:uploads', 'product uploads'],
  ['product:omega-pack', 'product omega-pack'],
  ['launch:plan', launchPlanEntry],
  ['content:seed', 'content generate'],
  ['content:list', 'content list'],
  ['content:export', 'content export'],
  ['content:seo', 'content seo'],
  ['templates', 'templates'],
  ['template:use', 'template use'],
  ['workflows', 'workflow list'],
  ['runs', 'runs list'],
  ['run:show', 'runs show'],
  ['leads', 'revenue leads'],
  ['lead:show', 'revenue lead show'],
  ['lead:move', 'revenue lead move'],
  ['dfy', 'revenue dfy'],
  ['dfy:show', 'revenue dfy show'],
  ['dfy:move', 'revenue dfy move'],
  ['pipeline', 'revenue pipeline stats'],
  ['revenue', 'revenue metrics'],
  ['revenue:movements', 'revenue movements'],
  ['customers', 'revenue customers'],
  ['packages', 'revenue packages'],
  ['approvals', 'approvals list'],
  ['approve', 'approvals approve'],
  ['reject', 'approvals reject'],
  ['health', 'guardian summary'],
  ['health:score', 'guardian score'],
  ['telemetry:report', 'telemetry report'],
  ['insights', 'insights'],
  ['briefing', 'briefing'],
  ['ai:status', 'ai status'],
];
