import { defineStep, stepParams } from '../step';
import { backupsOf, callBackups, operationOutput, planParam } from './backup-operation';

const params = stepParams({ plan: planParam });

/** Checks a plan's repository (restic check); problems found fail the step. Class A: it reads only. */
export const backupCheckStep = defineStep({
  type: 'backup.check',
  title: 'Check backups',
  description: 'Checks a backup plan\u2019s repository (restic check, with the plan\u2019s --read-data-subset); problems found fail the step. Outputs the operation\u2019s row.',
  class: 'A',
  classNote: 'restic check reads the repository and changes nothing',
  params,
  ui: {
    plan: { label: 'Plan', placeholder: 'business', help: 'a backup plan\u2019s name or id' },
  },
  defaultTimeoutMs: 6 * 3_600_000,
  async execute(ctx) {
    const backups = backupsOf(ctx.services);
    const { log: _log, ...row } = await callBackups(() => backups.check(ctx.params.plan));
    return operationOutput(row);
  },
});
