import { defaultMaxAttempts, defineChannel } from '../channel';

/**
 * The system notification: through the OS notifier port where the transport gave one (the
 * desktop app), otherwise published as notify.notice for the browsers of levqor serve, which
 * show it once the founder allowed notifications there.
 */
export const osChannel = defineChannel({
  id: 'os',
  label: 'System notification',
  configured: (ctx) => (ctx.os?.isSupported?.() === false ? 'this system shows no notifications' : true),
  async deliver(notice, ctx) {
    if (ctx.os) await ctx.os.show(notice);
    else ctx.publish(notice);
    return { status: 'sent' };
  },
  maxAttempts: defaultMaxAttempts,
});
