import type { BackupOperation, BackupPlan } from '../../../shared/contract/backup';
import type { ChannelStatus, ChannelTest } from '../../../shared/contract/notify';
import type { SecretTest } from '../../../shared/contract/secrets';
import type { SecretName } from '../../../shared/secrets';
import type { BackupFacts } from '../backup-port';
import type { DataMapCoveragePort } from '../data-map-port';
import type { GovernanceSources } from './sources';

/** The owners' services as governance reads them, by shape only: governance imports none of them. */
export interface GovernanceOwners {
  settings: GovernanceSources['settings'];
  secrets: { reveal(name: SecretName): string | undefined; test(name: SecretName): Promise<SecretTest> };
  cipher: { readonly id: string };
  remote: { readonly configured: boolean; check(): Promise<{ schemaVersion?: number | undefined }> };
  latestRemoteVersion: number;
  notify: { channels(): ChannelStatus[]; test(channel: string): Promise<ChannelTest> };
  backups: { facts: BackupFacts; list(): BackupPlan[]; history(plan: string | undefined, limit: number): BackupOperation[] };
  guardian: { findings(): { findings: Array<{ kind: string; cause: string }> } };
  dataMap: DataMapCoveragePort;
}

const cipherWords: Record<string, string> = {
  'aes-256-gcm': 'Secrets are encrypted with AES-256-GCM; the key comes from LEVQOR_SECRET_KEY or a key file only you can read (0600) in the data dir.',
  'electron-safe-storage': 'Secrets are encrypted with the operating system\u2019s keychain (Electron safeStorage).',
};

/** How many recent operations are read to find the newest clean check. */
const checkLookback = 500;

/** GovernanceSources over the owners createCore made (everything but the runtime facts). */
export function governanceSources(o: GovernanceOwners): Omit<GovernanceSources, 'runtime'> {
  return {
    settings: o.settings,
    secrets: {
      isSet: (name) => o.secrets.reveal(name) !== undefined,
      test: (name) => o.secrets.test(name),
      atRest: () => ({ encrypted: true, how: cipherWords[o.cipher.id] ?? `Secrets are encrypted by the ${o.cipher.id} cipher.` }),
    },
    remote: {
      configured: () => o.remote.configured,
      schemaVersion: async () => (await o.remote.check()).schemaVersion,
      latestVersion: o.latestRemoteVersion,
    },
    alerts: { channels: () => o.notify.channels(), test: (channel) => o.notify.test(channel) },
    backups: {
      planCount: () => o.backups.facts.planCount(),
      stalePlans: (now) => o.backups.facts.stalePlans(now),
      failedChecks: () => o.backups.facts.failedChecks(),
      lastSuccessAt: () => o.backups.facts.lastSuccessAt(),
      lastCleanCheckAt: () => o.backups.history(undefined, checkLookback).find((op) => op.kind === 'check' && op.status === 'succeeded')?.finishedAt ?? undefined,
      scheduledPlans: () => o.backups.list().filter((p) => p.schedule !== null).length,
      plansWithRetention: () => o.backups.list().filter((p) => Object.values(p.retention).some((v) => v !== undefined && v !== null)).length,
    },
    findings: () => o.guardian.findings().findings,
    dataMap: o.dataMap,
  };
}
