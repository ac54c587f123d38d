'use client';

import { useTranslations } from 'next-intl';
import { dataRequestFormSchema } from '../../../../shared/site-forms';
import { CheckField, FormFooter, Honeypot, SelectField, TextField } from './fields';
import { formChecked, formTexts } from './form-values';
import { useFormPost } from './use-form-post';


/** "Download or delete my data": email, kind, law and a confirmation → a subject_requests row the app's compliance area pulls. */
export function DataRequestForm() {
  const t = useTranslations('forms');
  const { id, errors, state, onSubmit } = useFormPost('data-request', dataRequestFormSchema, (data, locale) => ({ ...formTexts(data, ['email', 'kind', 'law']), confirm: formChecked(data, 'confirm'), locale }));

  return (
    <section aria-labelledby={`${id}-title`} className="relative mt-12 max-w-xl rounded-lg border border-line bg-surface p-6">
      <h2 id={`${id}-title`} className="text-xl font-semibold">{t('dataTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="mt-4 space-y-4" data-testid="data-request-form">
        <TextField id={`${id}-email`} name="email" type="email" label={t('email')} error={errors.email} />
        <SelectField id={`${id}-kind`} name="kind" label={t('kind')} error={errors.kind} options={[{ value: 'export', label: t('kindExport') }, { value: 'erase', label: t('kindErase') }, { value: 'do-not-sell', label: t('kindDoNotSell') }]} />
        <SelectField id={`${id}-law`} name="law" label={t('law')} error={errors.law} options={[{ value: 'gdpr', label: t('lawGdpr') }, { value: 'ccpa', label: t('lawCcpa') }]} />
        <CheckField id={`${id}-confirm`} name="confirm" label={t('confirm')} error={errors.confirm} />
        <Honeypot id={`${id}-website`} />
        <FormFooter id={id} state={state} error={errors.form} sentText={t('dataSent')} sendLabel={t('send')} />
      </form>
    </section>
  );
}
