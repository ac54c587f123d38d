import type { backupPageProcedures } from '../../../shared/contract/backup-page';
import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

/** The Backups area's procedures (path-free; core/backups/page-view.ts). */
export const backupPageHandlers = (core: Core) =>
  ({
    'backup.pageEngine': () => core.backups.page.engine(),
    'backup.pagePlans': () => ({ plans: core.backups.page.plans() }),
    'backup.pagePlan': ({ plan }) => core.backups.page.plan(plan),
    'backup.pageAddPlan': (input) => core.backups.page.add(input),
    'backup.pageSnapshots': async ({ plan }) => ({ snapshots: await core.backups.page.snapshots(plan) }),
    'backup.pageBrowse': async ({ plan, snapshot, path }) => ({ entries: await core.backups.page.browse(plan, snapshot, path) }),
    'backup.pageRestore': ({ plan, snapshot, path, folder }) => core.backups.page.restore(plan, { snapshot, path, folder }),
    'backup.pageRetention': ({ plan }) => core.backups.page.retention(plan),
  }) satisfies HandlerMap<keyof typeof backupPageProcedures>;
