import type { ProductSummary } from '../../../shared/contract/products';
import type { ProductSpecInput } from '../../../shared/product';
import { command, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';
import { formatMoney } from '../../../shared/money';

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

export const productCommands: Command[] = [
  command({
    usage: newUsage,
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
    async run(ctx, args) {
      noExtraPositionals(args, 0, newUsage);
      const v = args.values as Record<string, string | undefined>;
      const spec: Record<string, unknown> = {
        slug: v.slug,
        name: v.name,
        price: v.price === undefined ? undefined : numberOrText(v.price),
        description: v.description,
        tags: v.tags === undefined ? undefined : v.tags.split(',').map((t) => t.trim()),
        ...(v.currency !== undefined ? { currency: v.currency } : {}),
        ...(v.version !== undefined ? { version: v.version } : {}),
      };
      const detail = await ctx.call('products.create', spec as ProductSpecInput);
      ctx.print(detail, () => `Created ${detail.spec.slug}: ${detail.file}\nPut the product's files in ${detail.contentDir}/, then: levqor product compile ${detail.spec.slug}`);
    },
  }),
  command({
    usage: 'product list',
    summary: 'Every product in the products folder, valid or not, with its upload state.',
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'product list');
      const result = await ctx.call('products.list', {});
      ctx.print(result, () =>
        result.products.length === 0
          ? `No products in ${result.productsDir} yet (levqor ${newUsage}).`
          : formatRows(result.products.map((p) => [p.slug, summaryLine(p)])),
      );
    },
  }),
  command({
    usage: 'product validate SLUG|FILE',
    summary: 'Check a spec; exit 2 with every field error (--json: { valid, errors: [ { path, message } ] }).',
    async run(ctx, args) {
      const usage = 'product validate SLUG|FILE';
      const target = requirePositional(args, 0, 'SLUG or FILE', usage);
      noExtraPositionals(args, 1, usage);
      const isFile = target.endsWith('.json') || target.includes('/') || target.includes('\\');
      const result = await ctx.call('products.validate', isFile ? { file: target } : { slug: target });
      if (ctx.json) ctx.io.out(JSON.stringify({ valid: result.valid, errors: result.errors }));
      else if (result.valid) ctx.io.out(`${result.file ?? target} is valid`);
      else {
        ctx.io.err(`levqor: ${result.file ?? target} is not valid:`);
        for (const e of result.errors) ctx.io.err(`  ${e.path || '(file)'}: ${e.message}`);
      }
      return result.valid ? 0 : 2;
    },
  }),
  command({
    usage: 'product checklist SLUG',
    summary: 'Which Omega slots hold a real PNG, and the launch checklist.',
    async run(ctx, args) {
      const slug = requirePositional(args, 0, 'SLUG', 'product checklist SLUG');
      noExtraPositionals(args, 1, 'product checklist SLUG');
      const list = await ctx.call('products.checklist', { slug });
      ctx.print(list, () =>
        [
          ...list.steps.map((s) => `[${s.done ? 'x' : ' '}] ${s.label} — ${s.detail}`),
          '',
          formatRows(list.gumroadFields.map((f) => [f.label, f.value || '(not yet)'])),
        ].join('\n'),
      );
    },
  }),
];
