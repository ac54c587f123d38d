import type { ApiOf, ProcedureName } from './index';

/**
 * The procedures the app's own page (src-renderer) calls, and so all the desktop window can
 * reach: the preload puts only these on `window.levqor` and the main process refuses any
 * other name over IPC. A page running hostile script therefore still cannot ingest or
 * validate a file by path, prune telemetry or point remote storage elsewhere. Monitors are on
 * it: they are the founder's own configuration (an address to check, a schedule), not a file
 * path or a secret, and the Guardian page adds, edits, pauses and removes them. Backups are
 * on it through the backup.page* procedures, which take and answer no path of this machine
 * (core/backups/page-view.ts), and run and cancel, which hold none.
 * tests/unit/renderer-procedures.test.ts fails when this and what src-renderer/src calls differ.
 */
export const rendererProcedureNames = [
  'app.info',
  'app.updateStatus',
  'app.installUpdate',
  'settings.get',
  'settings.set',
  'secrets.status',
  'secrets.set',
  'secrets.clear',
  'secrets.test',
  'stage.get',
  'stage.set',
  'stage.preview',
  'telemetry.query',
  'telemetry.groups',
  'telemetry.series',
  'telemetry.detect',
  'telemetry.anomalies',
  'telemetry.report',
  'telemetry.sync',
  'telemetry.cancelSync',
  'remote.status',
  'workflows.validate',
  'workflows.import',
  'workflows.save',
  'workflows.versions',
  'workflows.getVersion',
  'workflows.restoreVersion',
  'workflows.list',
  'workflows.get',
  'workflows.export',
  'workflows.delete',
  'workflows.setEnabled',
  'workflows.rotateSecret',
  'workflows.run',
  'workflows.stats',
  'workflows.stepTypes',
  'runs.list',
  'runs.get',
  'runs.retry',
  'runs.cancel',
  'approvals.list',
  'approvals.approve',
  'approvals.reject',
  'schedule.preview',
  'products.list',
  'products.get',
  'products.create',
  'products.update',
  'products.compile',
  'products.cancel',
  'products.checklist',
  'products.sendUploads',
  'products.contentFiles',
  'products.putContentFile',
  'products.putOmegaImage',
  'products.omegaImage',
  'guardian.monitors',
  'guardian.monitorTypes',
  'guardian.addMonitor',
  'guardian.updateMonitor',
  'guardian.removeMonitor',
  'guardian.monitorStats',
  'guardian.check',
  'guardian.scoreHistory',
  'guardian.healingPlan',
  'guardian.requestHealing',
  'guardian.summary',
  'sessions.list',
  'sessions.revoke',
  'backup.pageEngine',
  'backup.pagePlans',
  'backup.pageAddPlan',
  'backup.pageSnapshots',
  'backup.pageBrowse',
  'backup.pageRestore',
  'backup.pageRestoreApp',
  'backup.pageRetention',
  'backup.pageApplyRetention',
  'backup.pageUpdatePlan',
  'backup.run',
  'backup.cancel',
  'backup.pageHistory',
  'backup.pageOperation',
  'revenue.leads',
  'revenue.lead',
  'revenue.moveLead',
  'revenue.updateLead',
  'revenue.dfyRequests',
  'revenue.dfyRequest',
  'revenue.moveDfy',
  'revenue.updateDfy',
  'revenue.pipelineStats',
  'revenue.pipelineSync',
  'revenue.pipelineStatus',
  'revenue.sync',
  'revenue.syncStatus',
  'revenue.metrics',
  'revenue.customers',
  'revenue.packages',
  'revenue.proposePackage',
  'revenue.changePackage',
  'revenue.archivePackage',
  'notify.outbox',
  'notify.retry',
  'notify.rules',
  'notify.setRule',
  'notify.resetRule',
  'notify.briefing',
] as const satisfies readonly ProcedureName[];

export type RendererProcedureName = (typeof rendererProcedureNames)[number];

/** What the renderer holds: the typed API over its procedures only. */
export type RendererApi = ApiOf<RendererProcedureName>;

const rendererProcedures: ReadonlySet<string> = new Set(rendererProcedureNames);

export function isRendererProcedure(name: string): name is RendererProcedureName {
  return rendererProcedures.has(name);
}
