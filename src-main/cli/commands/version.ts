import { appVersion } from '../../../shared/version';
import { command } from '../command';

export const versionCommand = command({
  usage: 'version',
  summary: 'Print the app version.',
  async run(ctx) {
    ctx.print({ version: appVersion }, () => appVersion);
  },
});
