import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, ManualClock, type Core } from '../..';
import { usePostgres } from '../../../../tests/helpers/postgres';
import { startFakeStripe, type FakeStripe } from '../../../../tests/helpers/stripe';
import { quickRetry, testKey } from '../../../../tests/helpers/stripe/core';
import { tempDir } from '../../../../tests/helpers/temp-dir';

const server = usePostgres();
let stripe: FakeStripe;
const cores: Core[] = [];

beforeEach(async () => {
  stripe = await startFakeStripe();
});
afterEach(async () => {
  for (const c of cores.splice(0)) c.close();
  await stripe.close();
});

function open(url: string): Core {
  const core = createCore({ dataDir: tempDir('levqor-packages-pg-'), env: { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'e'.repeat(64) }, clock: new ManualClock(Date.UTC(2026, 10, 1)), logToFile: false, stripeRetry: { ...quickRetry } });
  cores.push(core);
  core.settings.set('stripe.apiBase', stripe.url);
  core.secrets.set('stripe.secretKey', testKey);
  return core;
}

async function approve(core: Core, id: string) {
  core.approvals.approve(id, { by: 'founder' });
  await core.approvals.settled();
}

describe('DFY packages in the shared Postgres', () => {
  it('writes each approved package for the companion site, idempotently, and a change replaces it', async () => {
    const url = await server.createDatabase('dfy_packages');
    const core = open(url);
    await core.remote.check();
    await approve(core, core.revenue.packages.propose({ name: 'Launch kit', tier: 'starter', priceMinor: 49_900, currency: 'usd' }).id);
    expect(await core.revenue.packages.publish()).toBeLessThanOrEqual(1);
    const [p] = core.revenue.packages.list();
    const rows = () => server.query('SELECT id, name, tier, price_minor::int AS price_minor, currency, description, payment_link_url, active FROM dfy_packages', [], 'dfy_packages');
    expect(await rows()).toEqual([{ id: p!.id, name: 'Launch kit', tier: 'starter', price_minor: 49_900, currency: 'usd', description: null, payment_link_url: p!.paymentLinkUrl, active: true }]);
    expect(await core.revenue.packages.publish()).toBe(0);

    // written again (as after a crash before it was marked): nothing doubles or goes back
    core.db.prepare('UPDATE dfy_packages SET published_at = NULL').run();
    expect(await core.revenue.packages.publish()).toBe(1);
    expect(await rows()).toHaveLength(1);

    (core.clock as ManualClock).advance(60_000);
    await approve(core, core.revenue.packages.archive(p!.id).id);
    await core.revenue.packages.publish();
    expect(await rows()).toMatchObject([{ id: p!.id, active: false }]);
  });
});
