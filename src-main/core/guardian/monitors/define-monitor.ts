import type { BackupFacts } from '../../backup-port';
import type { z } from 'zod';
import type { Monitor, PeerCertificateInfo } from '../../../../shared/contract/guardian';
import type { RemoteDb } from '../../remote';
import type { Step } from '../healing-step';

/**
 * One check's raw outcome. `unknown` means the check cannot judge (nothing configured to
 * check): the monitor shows PENDING with the reason, and no retries or alerts are spent.
 */
export interface CheckOutcome {
  status: 'up' | 'down' | 'unknown';
  message: string;
  ms: number | null;
  /** HTTPS: the server's certificate this check saw; null when the target has none; left out when the check did not reach it. */
  certificate?: PeerCertificateInfo | null;
}

/** What checks may read of the app; an optional source that is missing is said, never faked. */
export interface MonitorServices {
  dataDir: string;
  remote: Pick<RemoteDb, 'configured' | 'run'>;
  /** Whether this process runs the background tasks (levqor serve, the desktop app). */
  backgroundRunning: () => boolean;
  /** The workflow scheduler's state, when the engine is present. */
  schedulerRunning?: () => boolean;
  /** Telemetry sync lag; remoteConfigured false means no remote to sync with. */
  sync: () => { remoteConfigured: boolean; lastSyncAt?: number | undefined; pushPending: number };
  /** The backup plans' state (stale plans, failed checks, the last success), when the backup service is present. */
  backups?: BackupFacts;
  /**
   * Tests only: certificates (PEM) HTTPS checks trust besides the system's, e.g. a test
   * server's self-signed one. The app never sets it; nothing else loosens certificate checks.
   */
  trustedCertificates?: readonly string[];
}

/** What a check may read besides its settings. */
export interface CheckContext {
  now: number;
  /** Aborted at the monitor's timeout. */
  signal: AbortSignal;
  /** The monitor's common fields a check may need (push: the ping period; a timeout message). */
  intervalSeconds: number;
  timeoutSeconds: number;
  /** Monitors that receive pings: the last ping, and when the monitor was created. */
  lastPingAt: number | null;
  createdAt: number;
  services: MonitorServices;
}

/** How the monitor form and `levqor monitor add` show one setting. */
export interface SettingHint {
  label: string;
  widget: 'text' | 'number' | 'select' | 'boolean';
  placeholder?: string;
  help?: string;
}

/** A healing step a type suggests for one of its DOWN monitors (the finding and evidence are added). */
export type MonitorHealingStep = Omit<Step, 'finding' | 'evidence'>;

export interface MonitorTypeDefinition<Shape extends z.ZodRawShape = z.ZodRawShape, S = z.output<z.ZodObject<Shape>>> {
  /** The name stored with the monitor and sent as `type`; never changes once monitors use it. */
  type: string;
  label: string;
  description: string;
  /**
   * This type's own fields (the common ones, name, interval, retries, timeout, resend,
   * maintenance and paused, are every type's). Messages say the rule in the founder's words;
   * the caller sees them after the field's name. Optional fields are stored as null when unset.
   */
  settings: z.ZodObject<Shape>;
  /** Per setting, in the order the form and the CLI help show them. */
  ui: { [K in keyof Shape]: SettingHint };
  /** The monitor gets a secret ping URL (`/heartbeat/<token>`) that a cron job calls. */
  receivesPings?: boolean;
  /** The name a monitor gets when the founder gives none. */
  defaultName(settings: S): string;
  check(settings: S, ctx: CheckContext): Promise<CheckOutcome>;
  /** Steps the healing plan suggests for a DOWN monitor of this type, before the generic re-check. */
  healing?(settings: S, monitor: Monitor): MonitorHealingStep[];
}

/** Any monitor type, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMonitorType = MonitorTypeDefinition<z.ZodRawShape, any>;

export function defineMonitor<Shape extends z.ZodRawShape>(def: MonitorTypeDefinition<Shape>): MonitorTypeDefinition<Shape> {
  return def;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    const inner = cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
    return `${err.message}${inner}`;
  }
  return String(err);
}
