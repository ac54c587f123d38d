import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { startFakeStripe, type FakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/core';

beforeAll(assertBuilt);

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe();
});
afterAll(() => stripe.close());

describe('levqor revenue packages / package add / package change', () => {
  it('proposes through an approval, lists the link once approved, asks for a price change; bad input exits 2 naming the field', async () => {
    const data = join(tempDir('levqor-packages-cli-'), 'data');
    const env = { LEVQOR_SECRET_KEY: 'd'.repeat(64), STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url };
    const run = (args: string[]) => levqorAsync(['--data-dir', data, ...args], env);

    const added = await run(['revenue', 'package', 'add', 'Launch kit', '--tier', 'starter', '--price', '499.00', '--currency', 'usd', '--description', 'Landing page']);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    const approvalId = /Waiting for approval (\S+) \(Class C\)/.exec(added.stdout)?.[1];
    expect(approvalId).toBeDefined();
    expect(stripe.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect((await run(['revenue', 'packages'])).stdout).toContain('No DFY packages yet');

    expect((await run(['approvals', 'approve', approvalId!])).code).toBe(0);
    const listed = JSON.parse((await run(['revenue', 'packages', '--json'])).stdout) as { packages: Array<{ id: string; priceMinor: number; paymentLinkUrl: string }> };
    expect(listed.packages).toMatchObject([{ priceMinor: 49_900, paymentLinkUrl: expect.stringMatching(/^https:\/\/buy\.stripe\.com\//) }]);
    expect((await run(['revenue', 'packages'])).stdout).toMatch(/^active\s+Launch kit \[starter\]\s+\$499\.00\s+https:\/\/buy\.stripe\.com\//);

    const changed = await run(['revenue', 'package', 'change', listed.packages[0]!.id, '--price', '599.50']);
    expect(changed, changed.stderr).toMatchObject({ code: 0 });
    expect((await run(['revenue', 'packages', '--json'])).stdout).toContain('"pendingApprovalId"');

    const bad: Array<[string[], RegExp]> = [
      [['revenue', 'package', 'add', 'X', '--tier', 't', '--price=-5', '--currency', 'usd'], /--price: must be an amount/],
      [['revenue', 'package', 'add', 'X', '--tier', 't', '--price', '5', '--currency', 'zzz'], /currency: is not a known ISO 4217 currency/],
      [['revenue', 'package', 'add', '', '--tier', 't', '--price', '5', '--currency', 'usd'], /name: is required/],
    ];
    for (const [args, message] of bad) {
      const r = await run(args);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
