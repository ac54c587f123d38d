'use client';

import { useTranslations } from 'next-intl';
import { dfyRequestFormSchema } from '../../../../shared/site-forms';
import { ConsentLabel } from './ConsentLabel';
import { CheckField, FormFooter, Honeypot, SelectField, TextField } from './fields';
import { formChecked, formText, formTexts } from './form-values';
import { useFormPost } from './use-form-post';
import { utmFromAddress } from './utm';

/** An empty field is no budget; anything else must read as a whole number (the schema says which). */
const budgetOf = (raw: string) => (raw.trim() === '' ? null : Number(raw));

/** Name, email, company, tier, budget, message, consent → a dfy_requests row. `tiers`: the packages on sale. */
export function DfyRequestForm({ tiers }: { tiers: string[] }) {
  const t = useTranslations('forms');
  const { id, errors, state, onSubmit } = useFormPost('dfy', dfyRequestFormSchema, (data, locale) => ({
    ...formTexts(data, ['name', 'email', 'company', 'tier', 'message']),
    budget: budgetOf(formText(data, 'budget')),
    consent: formChecked(data, 'consent'),
    locale,
    utm: utmFromAddress(),
  }));

  const tierOptions = [{ value: '', label: t('tierAny') }, ...tiers.map((tier) => ({ value: tier, label: tier }))];
  return (
    <form noValidate onSubmit={onSubmit} className="relative mt-6 max-w-xl space-y-4" data-testid="dfy-form" aria-label={t('dfyTitle')}>
      <TextField id={`${id}-name`} name="name" label={t('name')} error={errors.name} />
      <TextField id={`${id}-email`} name="email" type="email" label={t('email')} error={errors.email} />
      <TextField id={`${id}-company`} name="company" label={t('company')} error={errors.company} />
      <SelectField id={`${id}-tier`} name="tier" label={t('tier')} error={errors.tier} options={tierOptions} />
      <TextField id={`${id}-budget`} name="budget" type="number" label={t('budget')} error={errors.budget} />
      <TextField id={`${id}-message`} name="message" label={t('message')} error={errors.message} multiline />
      <CheckField id={`${id}-consent`} name="consent" label={<ConsentLabel />} error={errors.consent} />
      <Honeypot id={`${id}-website`} />
      <FormFooter id={id} state={state} error={errors.form} sentText={t('dfySent')} sendLabel={t('send')} />
    </form>
  );
}
