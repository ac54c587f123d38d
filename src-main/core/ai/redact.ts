/**
 * What stands in for a redacted value in anything sent to a model. The model still sees that
 * something was there (an address, a key), never what.
 */
export const placeholders = { secret: '[secret]', token: '[token]', email: '[email]', phone: '[phone]' } as const;

const bearer = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
// API-key shapes: vendor prefixes (sk-, sk_live_, rk_, ghp_, xoxb-, AKIA…), a Telegram bot token, a JWT
const apiKeyShapes = [
  /\b(?:sk|pk|rk|whsec|re)[-_](?:live_|test_|proj-)?[A-Za-z0-9_-]{16,}/g,
  /\b(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\b\d{6,12}:AA[A-Za-z0-9_-]{30,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];
const email = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// an international number (+ and 8–15 digits, spaces, dots, dashes, brackets between), or a
// national one written in groups; a date, a time or a plain count is not a phone number
const phone = /(?:\+\d[\d\s().-]{6,}\d|\(?\b\d{2,5}\)?[\s.-]\d{2,5}[\s.-]\d{2,5}(?:[\s.-]\d{2,5})?)\b/g;

function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (/^\d{4}-\d{2}-\d{2}/.test(match)) return false;
  return match.startsWith('+') ? digits >= 8 && digits <= 15 : digits >= 9 && digits <= 15;
}

/**
 * `text` with every known secret value, bearer token, API-key shape, email address and phone
 * number replaced by a placeholder: run on every prompt and context before it leaves the
 * machine. Pure; `secrets` are the stored values (shorter than 6 characters are too likely to
 * be ordinary words and are left alone).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const longestFirst = [...secrets].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  for (const value of longestFirst) out = out.split(value).join(placeholders.secret);
  out = out.replace(bearer, (_m, scheme: string) => `${scheme} ${placeholders.token}`);
  for (const shape of apiKeyShapes) out = out.replace(shape, placeholders.token);
  out = out.replace(email, placeholders.email);
  out = out.replace(phone, (m) => (looksLikePhone(m) ? placeholders.phone : m));
  return out;
}
