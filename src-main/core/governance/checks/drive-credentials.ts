import { definePreflightCheck, warn } from '../check';
import { secretVerdict } from '../secret-verdict';

/** Launches upload to Google Drive: the service account is there and Drive accepts it. */
export const driveCredentials = definePreflightCheck({ id: 'drive.credentials', label: 'Google Drive credentials', fix: '#/settings', unreachable: 'warn' }, (ctx) => {
  if (!ctx.sources.secrets.isSet('google.driveCredentials')) return warn('No Google Drive credentials are set (secret google.driveCredentials): compiled launches cannot be uploaded.');
  return secretVerdict(ctx, 'google.driveCredentials', 'Google Drive', 'warn');
});
