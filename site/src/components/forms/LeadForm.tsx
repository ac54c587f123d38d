'use client';

import { useTranslations } from 'next-intl';
import { leadFormSchema } from '../../../../shared/site-forms';
import { ConsentLabel } from './ConsentLabel';
import { CheckField, FormFooter, Honeypot, TextField } from './fields';
import { formChecked, formText } from './form-values';
import { useFormPost } from './use-form-post';
import { utmFromAddress } from './utm';

/** Email + consent → a sales_leads row with the visit's UTM source (and the product, on a product page). */
export function LeadForm({ product }: { product?: string }) {
  const t = useTranslations('forms');
  const { id, errors, state, onSubmit } = useFormPost('lead', leadFormSchema, (data, locale) => ({
    email: formText(data, 'email'),
    consent: formChecked(data, 'consent'),
    locale,
    page: window.location.pathname,
    ...(product ? { product } : {}),
    utm: utmFromAddress(),
  }));

  return (
    <section aria-labelledby={`${id}-title`} className="relative mt-16 max-w-xl rounded-lg border border-line bg-surface p-6">
      <h2 id={`${id}-title`} className="text-xl font-semibold">{t('leadTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="mt-4 space-y-4" data-testid="lead-form">
        <TextField id={`${id}-email`} name="email" type="email" label={t('email')} error={errors.email} />
        <CheckField id={`${id}-consent`} name="consent" label={<ConsentLabel />} error={errors.consent} />
        <Honeypot id={`${id}-website`} />
        <FormFooter id={id} state={state} error={errors.form} sentText={t('leadSent')} sendLabel={t('send')} />
      </form>
    </section>
  );
}
