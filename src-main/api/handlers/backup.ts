import type { ProceduresOf } from '../../../shared/contract';
import type { Core } from '../../core';
import type { HandlerMap } from '../handler';
import { backupPageHandlers } from './backup-page';

export const backupHandlers = (core: Core) =>
  ({
    'backup.engine': () => core.backups.engine(),
    'backup.plans': () => ({ plans: core.backups.list() }),
    'backup.plan': ({ plan }) => core.backups.plan(plan),
    'backup.addPlan': (input) => core.backups.add(input),
    'backup.updatePlan': (input) => core.backups.update(input),
    'backup.removePlan': ({ plan }) => core.backups.remove(plan),
    'backup.initRepo': ({ plan }) => core.backups.initRepo(plan),
    'backup.repoStatus': ({ plan }) => core.backups.repoStatus(plan),
    'backup.run': ({ plan, wait }) => core.backups.run(plan, wait),
    'backup.cancel': ({ id }) => core.backups.cancel(id),
    'backup.snapshots': async ({ plan }) => ({ snapshots: await core.backups.snapshots(plan) }),
    'backup.forget': ({ plan, dryRun }) => core.backups.forget(plan, dryRun),
    'backup.applyRetention': ({ plan }) => core.backups.applyRetention(plan),
    'backup.check': ({ plan }) => core.backups.check(plan),
    'backup.ls': ({ plan, snapshot, path }) => core.backups.ls(plan, snapshot, path),
    'backup.restore': ({ plan, snapshot, target, include }) => core.backups.restore(plan, { snapshot, target, include }),
    'backup.restoreApp': ({ plan, snapshot }) => core.backups.requestAppRestore(plan, snapshot),
    'backup.history': ({ plan, limit }) => ({ operations: core.backups.history(plan, limit) }),
    'backup.operation': ({ id }) => core.backups.operation(id),
    ...backupPageHandlers(core),
  }) satisfies HandlerMap<ProceduresOf<'backup'>>;
