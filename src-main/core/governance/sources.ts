import type { ChannelStatus, ChannelTest } from '../../../shared/contract/notify';
import type { SecretTest } from '../../../shared/contract/secrets';
import type { SecretName } from '../../../shared/secrets';
import type { BackupFacts } from '../backup-port';
import type { DataMapCoveragePort } from '../data-map-port';
import type { SettingsService } from '../settings';

/** What the desktop window was really given, as the process that made it reports it. */
export type WindowFacts = Partial<Record<'contextIsolation' | 'sandbox' | 'nodeIntegration' | 'webSecurity' | 'allowRunningInsecureContent' | 'webviewTag' | 'devTools', boolean>>;

/**
 * Which process this is and how it listens: the transport reports it (levqor serve its bound
 * host, the desktop app its window's web preferences); the CLI reports nothing.
 */
export interface RuntimeFacts {
  transport: 'desktop' | 'serve' | 'cli';
  /** The address `levqor serve` is bound to. */
  serverHost?: string;
  window?: WindowFacts;
  /** The desktop app is packaged (DevTools must then be off). */
  packaged?: boolean;
}

/**
 * Everything the preflight and the hardening checklist read, as createCore wires it from the
 * owning capabilities: governance imports none of them, so each check can be read alone.
 */
export interface GovernanceSources {
  settings: Pick<SettingsService, 'get'>;
  secrets: {
    isSet(name: SecretName): boolean;
    /** The secret's own "Test" (a real call: Stripe through its client, the model through core.ai, Drive, Postgres). */
    test(name: SecretName): Promise<SecretTest>;
    /** How secrets are encrypted at rest here, or why they are not. */
    atRest(): { encrypted: boolean; how: string };
  };
  remote: {
    configured(): boolean;
    /** Connects (applying the remote schema) and returns its version; throws in words when it cannot. */
    schemaVersion(): Promise<number | undefined>;
    latestVersion: number;
  };
  alerts: {
    channels(): ChannelStatus[];
    /** A real test notice through one channel (core/notify), now, outside the outbox. */
    test(channel: string): Promise<ChannelTest>;
  };
  backups: BackupFacts & {
    /** When the newest `restic check` that found nothing wrong finished. */
    lastCleanCheckAt(): number | undefined;
    /** How many plans run on a schedule, and how many have a retention policy. */
    scheduledPlans(): number;
    plansWithRetention(): number;
  };
  /** Guardian's findings now. */
  findings(): Array<{ kind: string; cause: string }>;
  dataMap: DataMapCoveragePort;
  runtime(): RuntimeFacts;
}
