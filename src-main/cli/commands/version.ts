import { appVersion } from '../../../shared/version';
import type { Command } from '../command';

export const versionCommand: Command = {
  path: ['version'],
  usage: 'version',
  summary: 'Print the app version.',
  async run(ctx) {
    ctx.print({ version: appVersion }, () => appVersion);
  },
};
