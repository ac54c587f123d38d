/** The notify capability's public entry: what other capabilities and createCore may use. */
export { NotifyService, type NotifyTuning } from './notify-service';
export { defineChannel, type ChannelDef, type DeliveryResult, type OsNotifier } from './channel';
export { BriefingService, type BriefingDeps } from './briefing/briefing-service';
export type { BriefingSources } from './briefing/sources';
export { composeBriefing } from './briefing/compose';
export { renderBriefing, renderBriefingFor } from './briefing/renderers';
export { TelegramPoller } from './telegram/telegram-poller';
