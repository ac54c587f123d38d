import { statfs } from 'node:fs/promises';
import type { MonitorCheck } from './types';
import { errorMessage } from './types';

/** What the internal checks read; each source is optional so a missing service is said, not faked. */
export interface InternalSources {
  dataDir: string;
  /** Whether this process runs the background tasks (levqor serve, the desktop app). */
  backgroundRunning: () => boolean;
  /** The workflow scheduler's state, when the engine is present. */
  schedulerRunning?: () => boolean;
  /** Telemetry sync lag; undefined remoteConfigured means no remote to sync with. */
  sync: () => { remoteConfigured: boolean; lastSyncAt?: number | undefined; pushPending: number };
  /** The last successful backup, once a backup service exists. */
  lastBackupAt?: () => number | undefined;
}

export const internalDefaults = { syncMaxAgeSeconds: 3_600, backupMaxAgeSeconds: 26 * 3_600, minFreeMb: 1_024 } as const;

export function internalCheck(src: InternalSources): MonitorCheck {
  return async (def, ctx) => {
    switch (def.check) {
      case 'scheduler': {
        if (!src.schedulerRunning) return { status: 'unknown', message: 'no scheduler in this build', ms: null };
        if (!src.backgroundRunning()) return { status: 'unknown', message: 'the scheduler runs only under levqor serve or the desktop app; this process has not started it', ms: null };
        return src.schedulerRunning() ? { status: 'up', message: 'scheduler running', ms: null } : { status: 'down', message: 'scheduler stopped', ms: null };
      }
      case 'backup': {
        if (!src.lastBackupAt) return { status: 'unknown', message: 'not configured: no backup service exists yet', ms: null };
        const last = src.lastBackupAt();
        const maxMs = (def.maxAgeSeconds ?? internalDefaults.backupMaxAgeSeconds) * 1000;
        if (last === undefined) return { status: 'down', message: 'no backup has been made', ms: null };
        const age = ctx.now - last;
        return age <= maxMs ? { status: 'up', message: `last backup ${hours(age)} ago`, ms: null } : { status: 'down', message: `last backup ${hours(age)} ago (limit ${hours(maxMs)})`, ms: null };
      }
      case 'sync': {
        const lag = src.sync();
        if (!lag.remoteConfigured) return { status: 'unknown', message: 'not configured: no remote Postgres to sync with', ms: null };
        const maxMs = (def.maxAgeSeconds ?? internalDefaults.syncMaxAgeSeconds) * 1000;
        if (lag.lastSyncAt === undefined) return { status: 'down', message: `never synced; ${lag.pushPending} rows waiting`, ms: null };
        const age = ctx.now - lag.lastSyncAt;
        const text = `last sync ${hours(age)} ago, ${lag.pushPending} rows waiting`;
        return age <= maxMs ? { status: 'up', message: text, ms: null } : { status: 'down', message: `${text} (limit ${hours(maxMs)})`, ms: null };
      }
      case 'disk': {
        try {
          const s = await statfs(src.dataDir);
          const freeMb = Math.floor((Number(s.bavail) * Number(s.bsize)) / 1024 / 1024);
          const min = def.minFreeMb ?? internalDefaults.minFreeMb;
          const text = `${freeMb} MB free in the data dir`;
          return freeMb >= min ? { status: 'up', message: text, ms: null } : { status: 'down', message: `${text} (minimum ${min} MB)`, ms: null };
        } catch (err) {
          return { status: 'down', message: `cannot read free space: ${errorMessage(err)}`, ms: null };
        }
      }
      default:
        return { status: 'unknown', message: `unknown internal check ${String(def.check)}`, ms: null };
    }
  };
}

function hours(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 120) return `${min} min`;
  return `${Math.round(min / 6) / 10} h`;
}
