'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, type FormEvent } from 'react';
import { dataRequestFormSchema } from '../../../../shared/site-forms';
import { CheckField, FormFooter, Honeypot, SelectField, TextField } from './fields';
import { formChecked, formText } from './form-values';
import { useFormPost } from './use-form-post';


/** "Download or delete my data": email, kind, law and a confirmation → a subject_requests row the app's compliance area pulls. */
export function DataRequestForm() {
  const t = useTranslations('forms');
  const locale = useLocale();
  const id = useId();
  const { errors, state, submit } = useFormPost('data-request', dataRequestFormSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void submit({ email: formText(data, 'email'), kind: formText(data, 'kind'), law: formText(data, 'law'), confirm: formChecked(data, 'confirm'), locale }, formText(data, 'website'));
  }

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
