import type { Briefing, BriefingChannel, BriefingRenderings } from '../../../../../shared/contract/briefing';
import { renderBriefingEmail } from './email';
import { renderBriefingOs } from './os';
import { renderBriefingSlack } from './slack-blocks';
import { renderBriefingTelegram } from './telegram-html';

/** One renderer per channel that can carry a briefing: a new channel adds its pure function here. */
const renderers: { [C in BriefingChannel]: (doc: Briefing) => BriefingRenderings[C] } = {
  os: renderBriefingOs,
  telegram: (doc) => ({ html: renderBriefingTelegram(doc) }),
  slack: renderBriefingSlack,
  email: renderBriefingEmail,
};

function isBriefingChannel(id: string): id is BriefingChannel {
  return Object.hasOwn(renderers, id);
}

/** What `channelId` sends for the briefing (a channel's deliver uses it when notice.briefing is set); undefined for a channel with no renderer. */
export function renderBriefingFor<C extends string>(channelId: C, doc: Briefing): C extends BriefingChannel ? BriefingRenderings[C] : BriefingRenderings[BriefingChannel] | undefined;
export function renderBriefingFor(channelId: string, doc: Briefing): BriefingRenderings[BriefingChannel] | undefined {
  return isBriefingChannel(channelId) ? renderers[channelId](doc) : undefined;
}

/** Every channel's rendering (the Alerts area's preview, the approval's preview). */
export function renderBriefing(doc: Briefing): BriefingRenderings {
  return { os: renderers.os(doc), telegram: renderers.telegram(doc), slack: renderers.slack(doc), email: renderers.email(doc) };
}
