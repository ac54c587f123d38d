/** Telemetry's public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { TelemetryService } from './telemetry-service';
export { ongoingMs } from './anomaly-store';
export { remoteStatus } from './remote-status';
