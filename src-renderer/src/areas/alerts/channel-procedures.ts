import { procedures } from '../../../../shared/contract';

/** The procedures the Channels section needs; they come with the channel setup (notify.channels, notify.test, notify.pause / resume / status). */
export const channelProcedureNames = ['notify.channels', 'notify.test'] as const;

/** Whether this build's contract has them: known when the app is built, not asked of the server. */
export const channelProceduresInContract: boolean = channelProcedureNames.every((name) => name in procedures);
