import { auth } from '@googleapis/drive';
import { z } from 'zod';
import { DriveError } from './drive-error';

export type DriveAuthClient = InstanceType<typeof auth.OAuth2>;

export const driveScope = 'https://www.googleapis.com/auth/drive';

/**
 * The three shapes the `google.driveCredentials` secret may take (JSON):
 * - `{ "type": "service_account", "client_email", "private_key" }` — a service account key;
 * - `{ "type": "authorized_user", "client_id", "client_secret", "refresh_token", "token_uri"? }`
 *   — an OAuth refresh token (gcloud's application-default format);
 * - `{ "access_token" }` — a short-lived token minted elsewhere.
 */
const credentialsSchema = z.union([
  z.object({ type: z.literal('service_account'), client_email: z.string().min(1), private_key: z.string().min(1) }),
  z.object({
    type: z.literal('authorized_user'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    refresh_token: z.string().min(1),
    token_uri: z.url().optional(),
  }),
  z.object({ access_token: z.string().min(1) }),
]);

export function authFromCredentials(json: string): DriveAuthClient {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DriveError('credentials', 'google.driveCredentials is not valid JSON');
  }
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DriveError('credentials', 'google.driveCredentials must be a service account key, an authorized_user refresh token or { access_token }');
  }
  const c = parsed.data;
  if ('access_token' in c) {
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: c.access_token });
    return client;
  }
  if (c.type === 'authorized_user') {
    const client = new auth.OAuth2({
      clientId: c.client_id,
      clientSecret: c.client_secret,
      ...(c.token_uri ? { endpoints: { oauth2TokenUrl: c.token_uri } } : {}),
    });
    client.setCredentials({ refresh_token: c.refresh_token });
    return client;
  }
  return new auth.JWT({ email: c.client_email, key: c.private_key, scopes: [driveScope] });
}
