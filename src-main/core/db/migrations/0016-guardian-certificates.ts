export const name = 'guardian-certificates';

/**
 * An HTTPS monitor's server certificate as its last check that reached the server saw it
 * (JSON: validTo, issuer, subject), so the Guardian page can warn before it expires.
 */
export const sql = /* sql */ `
ALTER TABLE guardian_monitors ADD COLUMN certificate TEXT;
`;
