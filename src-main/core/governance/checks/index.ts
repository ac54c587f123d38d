import type { PreflightCheckDef } from '../check';
import { stripeLiveKey } from './stripe-live-key';
import { openAiKey } from './openai-key';
import { remotePostgres } from './remote-postgres';
import { driveCredentials } from './drive-credentials';
import { alertChannel } from './alert-channel';
import { recentBackup } from './backups';
import { guardianCritical } from './guardian-critical';
import { dataMapComplete } from './data-map';

/** Every preflight check, in the order the founder reads them; a new check is one file here and one entry in this list. */
export const preflightChecks: readonly PreflightCheckDef[] = [stripeLiveKey, openAiKey, remotePostgres, driveCredentials, alertChannel, recentBackup, guardianCritical, dataMapComplete];
