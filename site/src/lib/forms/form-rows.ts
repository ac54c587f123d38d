import { privacyTextVersion, type DataRequestForm, type DfyRequestForm, type LeadForm, type Utm } from '../../../../shared/site-forms';
import { withDatabase } from '../database';

/**
 * The rows the forms write to the shared Postgres, with parameterised queries only. `source` is
 * the visit's utm_source (else "site"); `meta.consent` records which privacy text the visitor
 * agreed to and when, `meta.locale` the language they wrote in. Each returns false when
 * DATABASE_URL is not set (the form then says it could not be sent).
 */

const consentMeta = (locale: string, extra: Record<string, string> = {}) => JSON.stringify({ consent: { version: privacyTextVersion, at: new Date().toISOString() }, locale, ...extra });
const utmOrNull = (utm: Utm) => (Object.keys(utm).length > 0 ? JSON.stringify(utm) : null);

export async function insertLead(form: LeadForm): Promise<boolean> {
  const done = await withDatabase((db) =>
    db.query('INSERT INTO sales_leads (email, source, product_slug, utm, meta) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)', [
      form.email,
      form.utm.source ?? 'site',
      form.product ?? null,
      utmOrNull(form.utm),
      consentMeta(form.locale, form.page ? { page: form.page } : {}),
    ]),
  );
  return done !== undefined;
}

export async function insertDfyRequest(form: DfyRequestForm): Promise<boolean> {
  const done = await withDatabase((db) =>
    db.query(
      'INSERT INTO dfy_requests (email, name, company, package_slug, brief, budget_cents, currency, source, utm, meta) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)',
      [
        form.email,
        form.name,
        form.company || null,
        form.tier || null,
        form.message,
        form.budget === null ? null : form.budget * 100,
        form.budget === null ? null : 'USD',
        form.utm.source ?? 'site',
        utmOrNull(form.utm),
        consentMeta(form.locale),
      ],
    ),
  );
  return done !== undefined;
}

/** No consent here: answering a data request is a legal obligation; the person confirmed the address is theirs. */
export async function insertSubjectRequest(form: DataRequestForm): Promise<boolean> {
  const done = await withDatabase((db) => db.query('INSERT INTO subject_requests (email, kind, law) VALUES ($1, $2, $3)', [form.email, form.kind, form.law]));
  return done !== undefined;
}
