import { z } from 'zod';
import { event, procedure } from './procedure';
import { epochMs, noInput } from './common';


/** The remote Postgres as the UI shows it: never any piece of its URL (user, password, host, port, database, parameters). */
export const remoteStatusSchema = z.object({
  configured: z.boolean(),
  state: z.enum(['not_configured', 'idle', 'connecting', 'connected', 'error']),
  connected: z.boolean(),
  schemaVersion: z.number().int().optional(),
  connectedAt: epochMs.optional(),
  lastError: z.object({ code: z.string().optional(), message: z.string(), at: epochMs }).optional(),
  lastSyncAt: epochMs.optional(),
  lag: z.object({
    /** Local telemetry rows not pushed yet. */
    pushPending: z.number().int(),
    /** Remote rows not pulled yet, as last measured. */
    pullPending: z.number().int().optional(),
    /** Milliseconds since the last successful sync. */
    sinceSyncMs: z.number().int().optional(),
  }),
});
export type RemoteStatus = z.infer<typeof remoteStatusSchema>;

export const remoteEvents = {
  'remote.changed': event({ summary: 'The remote Postgres connection state changed.', payload: remoteStatusSchema }),
};

export const remoteProcedures = {
  'remote.status': procedure({
    summary: 'Whether a remote Postgres is configured and connected, the last error and the sync lag.',
    input: noInput,
    output: remoteStatusSchema,
  }),
  'remote.connect': procedure({
    summary: 'Connect (or reconnect) to the remote Postgres now and apply its schema; a wrong URL or password is a clear error.',
    input: noInput,
    output: remoteStatusSchema,
  }),
};
