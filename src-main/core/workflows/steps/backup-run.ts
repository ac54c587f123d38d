import { z } from 'zod';
import { defineStep, stepParams } from '../step';
import { backupsOf, callBackups, operationOutput, planParam } from './backup-operation';

const params = stepParams({
  plan: planParam,
  /** true: the step ends when the backup has (so a risky step after it has a fresh snapshot). */
  wait: z.boolean({ error: () => 'must be true or false' }).default(true),
});

/** Backs up a plan (restic backup), e.g. before a risky step; Class A: it only adds a snapshot. */
export const backupRunStep = defineStep({
  type: 'backup.run',
  title: 'Back up',
  description: 'Backs up a backup plan now (restic backup); with wait, ends when the snapshot is made. Outputs the operation\u2019s row.',
  class: 'A',
  classNote: 'a backup only adds a snapshot to the plan\u2019s repository; nothing is changed or removed',
  params,
  ui: {
    plan: { label: 'Plan', placeholder: 'business', help: 'a backup plan\u2019s name or id' },
    wait: { label: 'Wait for it to finish' },
  },
  defaultTimeoutMs: 6 * 3_600_000,
  async execute(ctx) {
    const backups = backupsOf(ctx.services);
    return operationOutput(await callBackups(() => backups.run(ctx.params.plan, ctx.params.wait)));
  },
});
