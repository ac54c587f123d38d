import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppInfo } from '../../shared/contract/app';
import { appVersion } from '../../shared/version';
import { systemClock, type Clock } from './clock';
import { EventBus } from './event-bus';
import { Background } from './background';
import { CappedLogFile, createLogger, type Logger } from './logger';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { SettingsService } from './settings/settings-service';
import { StageService } from './stage/stage-service';
import { SecretStore } from './secrets/secret-store';
import type { SecretCipher } from './secrets/cipher';
import { AesGcmCipher, loadHeadlessKey } from './secrets/aes-gcm-cipher';

export interface CoreConfig {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** The desktop app passes its keychain-backed cipher; headless uses AES-GCM. */
  cipher?: SecretCipher;
  /** false: no log file (short CLI reads still log; tests may turn it off). */
  logToFile?: boolean;
}

export interface Core {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly db: Db;
  readonly log: Logger;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly stage: StageService;
  readonly secrets: SecretStore;
  /** Long-running work (schedulers, sync, monitors); started only by long-lived transports. */
  readonly background: Background;
  info(): AppInfo;
  close(): void;
}

/** The composition root: one data dir in, every service wired, no Electron anywhere. */
export function createCore(config: CoreConfig): Core {
  const dataDir = resolve(config.dataDir);
  const env = config.env ?? process.env;
  const clock = config.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const db = openDatabase(join(dataDir, 'levqor.db'));
  let logFile: CappedLogFile | undefined;
  try {
    const migration = migrate(db);
    logFile = config.logToFile === false ? undefined : new CappedLogFile({ dir: join(dataDir, 'logs') });
    const log = createLogger(logFile, 'info');
    if (migration.applied.length > 0) log.info({ from: migration.from, to: migration.to }, 'database migrated');

    const events = new EventBus(log);
    const settings = new SettingsService(db, env, clock, events);
    log.level = settings.get('logLevel');
    const stage = new StageService(settings, events);
    const cipher = config.cipher ?? new AesGcmCipher(loadHeadlessKey(dataDir, env));
    const secrets = new SecretStore(db, cipher, env, clock, events);
    const background = new Background();

    return {
      dataDir,
      env,
      clock,
      db,
      log,
      events,
      settings,
      stage,
      secrets,
      background,
      info: () => ({
        version: appVersion,
        dataDir,
        stage: stage.current,
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        platform: process.platform,
        nodeVersion: process.versions.node,
      }),
      close: () => {
        background.stopNow();
        db.close();
        logFile?.close();
      },
    };
  } catch (err) {
    db.close();
    logFile?.close();
    throw err;
  }
}

export { CoreError } from './errors';
export { ManualClock, systemClock, type Clock } from './clock';
export { defaultDataDir } from './paths';
