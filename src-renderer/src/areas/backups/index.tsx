/** Backups: plans, run now with progress, the history, snapshots, browse and restore, the retention preview. */
export { default } from './BackupsPage';
