import { command } from '../command';
import { formatRows } from '../format';

export const statusCommand = command({
  usage: 'status',
  summary: 'Version, data dir, launch stage, schema version and which secrets are set.',
  async run(ctx) {
    const info = await ctx.call('app.info', {});
    const stage = await ctx.call('stage.get', {});
    const { secrets } = await ctx.call('secrets.status', {});
    const setCount = secrets.filter((s) => s.set).length;
    const status = { ...info, stageSource: stage.source, secretsSet: setCount, secretsKnown: secrets.length };
    ctx.print(status, () =>
      formatRows([
        ['Version', info.version],
        ['Data dir', info.dataDir],
        ['Launch stage', stage.source === 'env' ? `${info.stage} (from LEVQOR_LAUNCH_STAGE)` : info.stage],
        ['Schema version', String(info.schemaVersion)],
        ['Secrets set', `${setCount} of ${secrets.length}`],
      ]),
    );
  },
});
