import type { RemoteStatus } from '../../../shared/contract/remote';
import type { RemoteDb } from '../remote';
import type { TelemetryService } from './telemetry-service';

/**
 * The remote's connection state together with the telemetry sync lag, as the UI shows it.
 * It lives here, above remote/: the remote knows nothing of what syncs to it.
 */
export function remoteStatus(remote: RemoteDb, telemetry: TelemetryService): RemoteStatus {
  const { lastSyncAt, ...lag } = telemetry.lag();
  return { ...remote.status(), ...(lastSyncAt !== undefined ? { lastSyncAt } : {}), lag };
}
