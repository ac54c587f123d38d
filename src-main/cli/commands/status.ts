import { command } from '../command';
import { formatRows } from '../format';
import { stripeStatusLine } from './revenue-sync';

export const statusCommand = command({
  usage: 'status',
  summary: 'Version, data dir, launch stage, schema version, which secrets are set, Stripe (mode and last sync), and the restic that backups run.',
  async run(ctx) {
    const info = await ctx.call('app.info', {});
    const stage = await ctx.call('stage.get', {});
    const { secrets } = await ctx.call('secrets.status', {});
    const restic = await ctx.call('backup.engine', {});
    const stripe = await ctx.call('revenue.syncStatus', {});
    const setCount = secrets.filter((s) => s.set).length;
    const status = { ...info, stageSource: stage.source, secretsSet: setCount, secretsKnown: secrets.length, restic, stripe };
    ctx.print(status, () =>
      formatRows([
        ['Version', info.version],
        ['Data dir', info.dataDir],
        ['Launch stage', stage.source === 'env' ? `${info.stage} (from LEVQOR_LAUNCH_STAGE)` : info.stage],
        ['Schema version', String(info.schemaVersion)],
        ['Secrets set', `${setCount} of ${secrets.length}`],
        ['Stripe', stripeStatusLine(stripe)],
        ['restic', restic.found ? `${restic.version} at ${restic.path}${restic.from === 'setting' ? ' (setting backup.resticPath)' : ''}` : `not usable: ${restic.problem}`],
      ]),
    );
  },
});
