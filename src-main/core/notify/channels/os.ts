import type { Notice } from '../../../../shared/contract/notify';
import { defaultMaxAttempts, defineChannel } from '../channel';
import { renderBriefingOs } from '../briefing/renderers/os';

/** A briefing shows as its title and the headlines that need the founder; the document itself stays out of the notification. */
function shown(notice: Notice): Notice {
  if (!notice.briefing) return notice;
  const { briefing, ...rest } = notice;
  return { ...rest, ...renderBriefingOs(briefing) };
}

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
    if (ctx.os) await ctx.os.show(shown(notice));
    else ctx.publish(shown(notice));
    return { status: 'sent' };
  },
  maxAttempts: defaultMaxAttempts,
});
