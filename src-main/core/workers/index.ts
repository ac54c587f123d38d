/** Queue mode's workers: public entry (tests/unit/layering.test.ts). */
export { QueueWorker, type WorkerOptions, type SharedRunDriver, type DriveOutcome } from './worker';
export { workerRegistry } from './worker-registry';
export { sharedRunHistory } from './run-history';
export { startBoss, sendRunJob } from './boss';
export { runsQueue, workerQueues, newerSchemaRefusal, type RunJob } from './queues';
export { startQueueWorker, databaseHost } from './start-worker';
export { QueueControl, type QueuePreflight } from './queue-control';
export { cronSchedulesOf, cronQueue, runCronSlot, slotOf, type WantedSchedule, type CronSlotJob } from './cron-schedules';
