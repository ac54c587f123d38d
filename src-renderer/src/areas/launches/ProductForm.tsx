import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import type { LevqorError } from '../../../../shared/contract';
import { productStatuses } from '../../../../shared/product';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { toLevqorError } from '../../api/to-levqor-error';
import { FormRow } from './FormField';
import { checkForm, fieldForPath, slugFromName, type FormField, type ProductFormValues } from './product-form';

/**
 * Create or edit a product spec. Every keystroke is checked with the shared zod schema (the
 * one the API and the CLI use), so the errors read exactly as the API would word them; Save
 * stays disabled while any remain. What the server still refuses (a taken slug) shows too.
 */
export function ProductForm({
  mode,
  initial,
  onSaved,
  onClose,
}: {
  mode: 'create' | 'edit';
  initial: ProductFormValues;
  onSaved(slug: string): void;
  onClose(): void;
}) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [slugEdited, setSlugEdited] = useState(mode === 'edit');
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<LevqorError | undefined>(undefined);
  const check = useMemo(() => checkForm(values), [values]);
  const serverField = serverError?.field ? fieldForPath(serverError.field) : undefined;

  const change = (field: FormField) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = e.target.value;
    setServerError(undefined);
    setTouched((t) => new Set(t).add(field));
    if (field === 'slug') setSlugEdited(true);
    setValues((v) => ({
      ...v,
      [field]: value,
      ...(field === 'name' && !slugEdited ? { slug: slugFromName(value) } : {}),
    }));
  };
  const shown = (field: FormField) => (touched.has(field) ? check.errors[field] : undefined);
  const bind = (field: FormField) => ({
    id: `product-${field}`,
    name: field,
    value: values[field],
    onChange: change(field),
    'aria-invalid': shown(field)?.length || serverField === field ? true : undefined,
    'aria-describedby': `product-${field}-error`,
  });
  const row = (field: FormField) => ({ field, errors: shown(field), serverError: serverField === field ? serverError?.message : undefined });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check.spec) {
      setTouched(new Set(Object.keys(values) as FormField[]));
      return;
    }
    setPending(true);
    setServerError(undefined);
    try {
      const saved = mode === 'create' ? await getApi().products.create(check.spec) : await getApi().products.update(check.spec);
      onSaved(saved.spec.slug);
    } catch (err) {
      setServerError(toLevqorError(err));
    } finally {
      setPending(false);
    }
  };

  const problems = (Object.keys(check.errors) as Array<FormField | 'form'>).reduce((n, key) => n + (key === 'form' || touched.has(key) ? check.errors[key]?.length ?? 0 : 0), 0);
  const title = mode === 'create' ? 'New product' : `Edit ${initial.name || initial.slug}`;

  return (
    <section className="card section lx-editor" aria-labelledby="product-form-title">
      <div className="section-head lx-head">
        <div className="section__head">
          <h2 id="product-form-title">{title}</h2>
          <p className="muted">
            Saved as <code>products/{values.slug || '<slug>'}.product.json</code>; checked as you type with the same rules as the API and{' '}
            <code>levqor product validate</code>.
          </p>
        </div>
      </div>
      <form className="grid-2 lx-form" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        <FormRow {...row('name')} label="Name">
          <input className="input" {...bind('name')} placeholder="Ascend Launch System" autoFocus />
        </FormRow>
        <FormRow {...row('slug')} label="Slug" hint={mode === 'edit' ? 'The slug names the product and cannot change.' : 'kebab-case, unique; names the files'}>
          <input className="input mono" {...bind('slug')} readOnly={mode === 'edit'} placeholder="ascend-launch-system" spellCheck={false} />
        </FormRow>
        <FormRow {...row('price')} label="Price (USD)" hint="greater than 0, at most two decimals">
          <input className="input" {...bind('price')} inputMode="decimal" placeholder="19.99" />
        </FormRow>
        <FormRow {...row('status')} label="Status">
          <select className="select" {...bind('status')}>
            {productStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow {...row('description')} label="Description" wide>
          <textarea className="input lx-textarea" {...bind('description')} rows={3} placeholder="What the buyer gets" />
        </FormRow>
        <FormRow {...row('tags')} label="Tags" hint="comma-separated" wide>
          <input className="input" {...bind('tags')} placeholder="launch, templates" />
        </FormRow>
        <FormRow {...row('version')} label="Version" hint="semantic version">
          <input className="input mono" {...bind('version')} placeholder="1.0.0" />
        </FormRow>
        <FormRow {...row('currency')} label="Currency" hint="optional; USD when empty">
          <input className="input mono" {...bind('currency')} placeholder="USD" maxLength={3} />
        </FormRow>
        <FormRow {...row('launchDate')} label="Launch date" hint="optional; Insights warns a day before when no Omega image is in place">
          <input className="input mono" {...bind('launchDate')} type="date" />
        </FormRow>
        <details className="lx-more lx-field--wide" open={Boolean(values.seoTitle || values.seoDescription || values.seoKeywords || values.gumroadUrl)}>
          <summary>SEO and Gumroad (optional)</summary>
          <div className="grid-2 lx-form lx-form--nested">
            <FormRow {...row('seoTitle')} label="SEO title" hint="at most 70 characters">
              <input className="input" {...bind('seoTitle')} />
            </FormRow>
            <FormRow {...row('seoKeywords')} label="SEO keywords" hint="comma-separated">
              <input className="input" {...bind('seoKeywords')} />
            </FormRow>
            <FormRow {...row('seoDescription')} label="SEO description" hint="at most 160 characters" wide>
              <input className="input" {...bind('seoDescription')} />
            </FormRow>
            <FormRow {...row('gumroadUrl')} label="Gumroad listing URL" hint="https://…" wide>
              <input className="input" {...bind('gumroadUrl')} type="url" placeholder="https://yourname.gumroad.com/l/…" />
            </FormRow>
          </div>
        </details>
        {serverError && !serverField ? (
          <div className="lx-field--wide">
            <ErrorNotice message={serverError} />
          </div>
        ) : null}
        <div className="toolbar lx-field--wide">
          <button type="submit" className="button button--primary" disabled={!check.valid || pending}>
            {pending ? 'Saving…' : mode === 'create' ? 'Create product' : 'Save changes'}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <span className="muted lx-actions__note" role="status" aria-live="polite">
            {check.valid ? 'Valid spec' : problems > 0 ? `${problems} problem${problems === 1 ? '' : 's'} to fix` : 'Fill in the required fields to save'}
          </span>
        </div>
      </form>
    </section>
  );
}
