import type { backupPageProcedures } from '../../../shared/contract/backup-page';
import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

const page = (core: Core) => core.backups.page;

/** The Backups area's procedures (each failure's message without paths of this machine;  core/backups/page-view.ts). */
export const backupPageHandlers = (core: Core) =>
  ({
    'backup.pageEngine': () => page(core).engine(),
    'backup.pagePlans': () => page(core).said(() => ({ plans: page(core).plans() })),
    'backup.pageAddPlan': (input) => page(core).said(() => page(core).add(input)),
    'backup.pageSnapshots': ({ plan }) => page(core).said(async () => ({ snapshots: await page(core).snapshots(plan) })),
    'backup.pageBrowse': ({ plan, snapshot, path }) => page(core).said(async () => ({ entries: await page(core).browse(plan, snapshot, path) })),
    'backup.pageRestore': ({ plan, snapshot, path, folder }) => page(core).said(() => page(core).restore(plan, { snapshot, path, folder })),
    'backup.pageRestoreApp': ({ plan, snapshot }) => page(core).said(() => core.backups.requestAppRestore(plan, snapshot)),
    'backup.pageRetention': ({ plan }) => page(core).said(() => page(core).retention(plan)),
    'backup.pageApplyRetention': ({ plan }) => page(core).said(() => page(core).applyRetention(plan)),
    'backup.pageUpdatePlan': ({ plan, ...changes }) => page(core).said(() => page(core).update(plan, changes)),
    'backup.pageHistory': ({ plan, limit }) => page(core).said(() => ({ operations: page(core).history(plan, limit) })),
    'backup.pageOperation': ({ id }) => page(core).said(() => page(core).operation(id)),
  }) satisfies HandlerMap<keyof typeof backupPageProcedures>;
