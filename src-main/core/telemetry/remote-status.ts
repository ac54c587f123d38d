import type { RemoteStatus } from '../../../shared/contract/remote';
import type { TelemetryService } from '../telemetry/telemetry-service';
import type { RemoteDb } from './remote-db';

/** The remote's connection state together with the telemetry sync lag, as the UI shows it. */
export function remoteStatus(remote: RemoteDb, telemetry: TelemetryService): RemoteStatus {
  const { lastSyncAt, ...lag } = telemetry.lag();
  return { ...remote.status(), ...(lastSyncAt !== undefined ? { lastSyncAt } : {}), lag };
}
