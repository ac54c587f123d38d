import type * as drivePackage from '@googleapis/drive';
import type { auth } from '@googleapis/drive';
import { lazyPackage } from '../../lazy-package';
import { driveCredentialsProblem, driveCredentialsSchema } from '../../../../shared/drive-credentials';
import { DriveError } from './drive-error';

/** The Drive client's auth for the `google.driveCredentials` secret (shapes: shared/drive-credentials.ts). */
export type DriveAuthClient = InstanceType<typeof auth.OAuth2>;

/** The Drive client package, loaded when the first upload or check needs it. */
export const loadDrive = lazyPackage<typeof drivePackage>('@googleapis/drive');

export const driveScope = 'https://www.googleapis.com/auth/drive';

export function authFromCredentials(json: string): DriveAuthClient {
  const { auth } = loadDrive();
  const problem = driveCredentialsProblem(json);
  if (problem) throw new DriveError('credentials', `google.driveCredentials ${problem}`);
  const c = driveCredentialsSchema.parse(JSON.parse(json));
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
