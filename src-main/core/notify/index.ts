/** The notify capability's public entry: what other capabilities and createCore may use. */
export { NotifyService, type NotifyTuning } from './notify-service';
export { defineChannel, type ChannelDef, type DeliveryResult, type OsNotifier } from './channel';
