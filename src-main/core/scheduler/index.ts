/** The cron scheduler's public entry: the workflow engine imports from here only (tests/unit/layering.test.ts). */
export { Scheduler, type CronWorkflow } from './scheduler';
export { ScheduleStore } from './schedule-store';
export { CronSchedule, cronProblem, isValidTimezone } from './cron';
