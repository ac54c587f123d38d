'use client';

import { useLocale } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { formFieldErrors, honeypotField, type FormErrorCode } from '../../../../shared/site-forms';
import type { FormReply } from '../../lib/forms/form-post';
import { formText } from './form-values';

export type FormErrors = Partial<Record<string, FormErrorCode>>;

const notSent: FormReply = { ok: false, errors: [{ field: 'form', code: 'unavailable' }] };

/**
 * Sends one form: the schema the server uses checks the values here first (bad input never
 * leaves the page), then the post goes to `/api/forms/<form>` with the honeypot beside the
 * values; the server's refusals come back as the same field codes. A network failure reads as
 * "could not be sent".
 */
export function useFormPost(form: 'lead' | 'dfy' | 'data-request', schema: z.ZodType, valuesOf: (data: FormData, locale: string) => Record<string, unknown>) {
  const id = useId();
  const locale = useLocale();
  const [errors, setErrors] = useState<FormErrors>({});
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');

  async function submit(values: Record<string, unknown>, trap: string): Promise<void> {
    const checked = schema.safeParse(values);
    if (!checked.success) {
      setErrors(Object.fromEntries(formFieldErrors(checked.error).map((e) => [e.field, e.code])));
      return;
    }
    setErrors({});
    setState('sending');
    const reply = await fetch(`/api/forms/${form}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...values, [honeypotField]: trap }) })
      .then((r) => r.json() as Promise<FormReply>)
      .catch(() => notSent);
    if (reply.ok) {
      setState('sent');
      return;
    }
    setErrors(Object.fromEntries(reply.errors.map((e) => [e.field, e.code])));
    setState('idle');
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void submit(valuesOf(data, locale), formText(data, honeypotField));
  }

  /** `id`: a prefix for the form's element ids, unique on the page. */
  return { id, errors, state, onSubmit };
}
