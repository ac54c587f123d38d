import type { ProcedureOutput } from '../../../shared/contract';
import type { Checklist, ProductSummary } from '../../../shared/contract/products';
import { commaList, type ProductSpecInput } from '../../../shared/product';
import type { Command, ParsedArgs } from '../command';
import { formatRows } from '../format';
import { formatMoney } from '../../../shared/money';
import { givenOnly } from '../options';
import { procedureCommand, type Call } from '../procedure-command';

/** A number when the text is one (so the spec's own rule names a bad price), else the text. */
function numberOrText(text: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
}

function summaryLine(p: ProductSummary): string {
  if (!p.valid) return `invalid: ${p.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`;
  const parts = [`${p.version}`, p.status ?? 'draft', formatMoney(p.price ?? 0, p.currency), p.name ?? ''];
  if (!p.hasContent) parts.push('(no content folder)');
  if (p.upload) parts.push(`upload: ${p.upload.status === 'queued' ? 'waiting to upload' : p.upload.status}`);
  return parts.join('  ');
}

const newUsage = 'product new --slug S --name N --price P --description D --tags a,b';

/** The spec as the flags give it; the contract names whatever is missing or wrong. */
function specInput(values: ParsedArgs['values']): ProductSpecInput {
  const v = values as Record<string, string | undefined>;
  const spec: Record<string, unknown> = {
    slug: v.slug,
    name: v.name,
    price: v.price === undefined ? undefined : numberOrText(v.price),
    description: v.description,
    tags: v.tags === undefined ? undefined : commaList(v.tags),
    ...givenOnly({ currency: v.currency, version: v.version }),
  };
  return spec as ProductSpecInput;
}

function showList(result: ProcedureOutput<'products.list'>): string {
  if (result.products.length === 0) return `No products in ${result.productsDir} yet (levqor ${newUsage}).`;
  return formatRows(result.products.map((p) => [p.slug, summaryLine(p)]));
}

function showChecklist(list: Checklist): string {
  return [
    ...list.steps.map((s) => `[${s.done ? 'x' : ' '}] ${s.label} — ${s.detail}`),
    '',
    formatRows(list.gumroadFields.map((f) => [f.label, f.value || '(not yet)'])),
  ].join('\n');
}

function isFile(target: string): boolean {
  return target.endsWith('.json') || target.includes('/') || target.includes('\\');
}

/** Human: the verdict on stdout when valid, else every error on stderr; --json: { valid, errors } on stdout. */
function printValidation(result: ProcedureOutput<'products.validate'>, { positionals: { target }, ctx }: Call<{ target: string }>): void {
  if (ctx.json) ctx.io.out(JSON.stringify({ valid: result.valid, errors: result.errors }));
  else if (result.valid) ctx.io.out(`${result.file ?? target} is valid`);
  else {
    ctx.io.err(`levqor: ${result.file ?? target} is not valid:`);
    for (const e of result.errors) ctx.io.err(`  ${e.path || '(file)'}: ${e.message}`);
  }
}

export const productCommands: Command[] = [
  procedureCommand('products.create', {
    usage: newUsage,
    usageHint: newUsage,
    summary: 'Create products/<slug>.product.json and the empty content folder products/<slug>/.',
    options: {
      slug: { type: 'string', description: 'machine name, kebab-case (e.g. ascend-launch-system)' },
      name: { type: 'string', description: 'human name' },
      price: { type: 'string', description: 'USD, greater than 0, at most two decimals' },
      description: { type: 'string', description: 'what it does, in plain English' },
      tags: { type: 'string', description: 'comma-separated categories' },
      currency: { type: 'string', description: 'ISO 4217 code (default USD)' },
      version: { type: 'string', description: 'semantic version (default 1.0.0)' },
    },
    input: (_, values) => specInput(values),
    show: (detail) => `Created ${detail.spec.slug}: ${detail.file}\nPut the product's files in ${detail.contentDir}/, then: levqor product compile ${detail.spec.slug}`,
  }),
  procedureCommand('products.list', {
    usage: 'product list',
    summary: 'Every product in the products folder, valid or not, with its upload state.',
    show: showList,
  }),
  procedureCommand('products.validate', {
    usage: 'product validate SLUG|FILE',
    summary: 'Check a spec; exit 2 with every field error (--json: { valid, errors: [ { path, message } ] }).',
    positionals: { target: 'SLUG or FILE' },
    input: ({ target }) => (isFile(target) ? { file: target } : { slug: target }),
    print: printValidation,
    exitCode: (result) => (result.valid ? 0 : 2),
  }),
  procedureCommand('products.checklist', {
    usage: 'product checklist SLUG',
    summary: 'Which Omega slots hold a real PNG, and the launch checklist.',
    positionals: { slug: 'SLUG' },
    show: showChecklist,
  }),
];
