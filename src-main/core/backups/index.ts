/** The backups capability's public entry: what createCore and other capabilities may use. */
export { BackupService, type BackupDeps } from './backup-service';
export { backUpAppDataFirst, describeAppDataBackup, noAppDataPlan } from './app-data-backup';
export { preRestoreTag, type AppRestoreResult, type CoreRestart } from './restore-app';
