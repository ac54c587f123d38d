import { z } from 'zod';

/**
 * The three shapes the `google.driveCredentials` secret may take (JSON):
 * - `{ "type": "service_account", "client_email", "private_key" }` — a service account key;
 * - `{ "type": "authorized_user", "client_id", "client_secret", "refresh_token", "token_uri"? }`
 *   — an OAuth refresh token (gcloud's application-default format);
 * - `{ "access_token" }` — a short-lived token minted elsewhere.
 */
const serviceAccount = z.object({
  type: z.literal('service_account'),
  client_email: z.string().min(1),
  private_key: z.string().regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/),
});
const authorizedUser = z.object({
  type: z.literal('authorized_user'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
  token_uri: z.url().optional(),
});
const accessToken = z.object({ access_token: z.string().min(1) });

export const driveCredentialsSchema = z.union([serviceAccount, authorizedUser, accessToken]);
export type DriveCredentials = z.infer<typeof driveCredentialsSchema>;

const shapes = 'a service account key ("type": "service_account"), an OAuth refresh token ("type": "authorized_user") or { "access_token": … }';

/** The fields of `shape` that `raw` lacks or has wrong, by name (never their values). */
function wrongFields(shape: z.ZodObject, raw: object): string[] {
  const result = shape.safeParse(raw);
  return result.success ? [] : [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
}

/**
 * Why `json` is not Drive credentials the uploader can use, in a founder's words (naming
 * fields, never quoting the text); undefined when it is.
 */
export function driveCredentialsProblem(json: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return `must be JSON: ${shapes}; this is not valid JSON`;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `must be a JSON object: ${shapes}`;
  if (driveCredentialsSchema.safeParse(raw).success) return undefined;
  const type = (raw as { type?: unknown }).type;
  if (type === 'service_account') return `is a service account key missing or with a wrong ${wrongFields(serviceAccount, raw).join(', ')} (private_key is the PEM key of the downloaded file)`;
  if (type === 'authorized_user') return `is an OAuth refresh token missing or with a wrong ${wrongFields(authorizedUser, raw).join(', ')}`;
  return `must be ${shapes}`;
}
