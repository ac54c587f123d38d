import type { Approval } from '../../../shared/contract/approvals';
import type { DfyPackage } from '../../../shared/contract/revenue-packages';
import { formatMinorUnits, minorUnitDigits } from '../../../shared/money';
import { CliUsageError, type CliContext, type OptionSpec, type ParsedArgs } from '../command';
import { givenOnly, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

/** `--price 499.00` in the currency's minor units (49900 for usd, 499 for jpy); more decimals than it has are refused. */
export function parsePrice(text: string | undefined, currency: string): number | undefined {
  if (text === undefined) return undefined;
  const digits = minorUnitDigits(currency);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m || (m[2] ?? '').length > digits) throw new CliUsageError(`--price: must be an amount like 499.00 with at most ${digits} decimal${digits === 1 ? '' : 's'} for ${currency.toUpperCase()} (got "${text}")`);
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
}

const fieldOptions: Record<string, OptionSpec> = {
  tier: { type: 'string', description: 'the tier (starter, growth, …)' },
  price: { type: 'string', description: 'the price in whole units, like 499.00' },
  currency: { type: 'string', description: 'ISO 4217 code, like usd' },
  description: { type: 'string', description: 'what the buyer gets' },
};

function line(p: DfyPackage): string {
  const pending = p.pendingApprovalId ? `  (change waiting: approval ${p.pendingApprovalId})` : '';
  return `${p.status.padEnd(8)} ${p.name} [${p.tier}]  ${formatMinorUnits(p.priceMinor, p.currency)}  ${p.status === 'active' ? p.paymentLinkUrl : ''}  ${p.id}${pending}`;
}

const asked = (a: Approval) => `Waiting for approval ${a.id} (Class C): ${a.message}\nApprove it in the Approvals area or with: levqor approvals approve ${a.id}`;

async function currencyOf(ctx: CliContext, id: string): Promise<string> {
  const found = (await ctx.call('revenue.packages', {})).packages.find((p) => p.id === id);
  return found?.currency ?? 'usd';
}

function changes(values: ParsedArgs['values'], currency: string) {
  return givenOnly({ tier: textOption(values.tier), priceMinor: parsePrice(textOption(values.price), currency), currency: textOption(values.currency), description: textOption(values.description) });
}

export const revenuePackagesCommands = [
  procedureCommand('revenue.packages', {
    usage: 'revenue packages',
    summary: 'The DFY packages: status, tier, price and payment link URL (proposals not yet approved are in the approval inbox).',
    show: ({ packages }) => packages.map(line).join('\n') || 'No DFY packages yet (propose one with: levqor revenue package add NAME --tier T --price 499.00 --currency usd).',
  }),
  procedureCommand('revenue.proposePackage', {
    usage: 'revenue package add NAME --tier T --price 499.00 --currency usd [--description D]',
    summary: 'Ask to put a DFY package on sale as a Stripe product, price and payment link (Class C: nothing is created until approved); prints the approval id.',
    positionals: { name: 'NAME' },
    options: fieldOptions,
    input: ({ name }, values) => {
      const currency = textOption(values.currency) ?? '';
      return { name, tier: textOption(values.tier) ?? '', currency, priceMinor: parsePrice(textOption(values.price) ?? '', currency || 'usd') ?? 0, ...givenOnly({ description: textOption(values.description) }) };
    },
    show: asked,
  }),
  procedureCommand('revenue.changePackage', {
    usage: 'revenue package change ID [--name N] [--tier T] [--price 599.00] [--currency usd] [--description D]',
    summary: 'Ask to change a DFY package (Class C): a new price makes a new Stripe price and payment link and deactivates the old ones; prints the approval id.',
    positionals: { id: 'ID' },
    options: { name: { type: 'string', description: 'the new name' }, ...fieldOptions },
    input: async ({ id }, values, ctx) => ({ id, ...givenOnly({ name: textOption(values.name) }), ...changes(values, textOption(values.currency) ?? (await currencyOf(ctx, id))) }),
    show: asked,
  }),
  procedureCommand('revenue.archivePackage', {
    usage: 'revenue package archive ID',
    summary: 'Ask to take a DFY package off sale (Class C): its payment link, price and product are deactivated once approved.',
    positionals: { id: 'ID' },
    show: asked,
  }),
];
