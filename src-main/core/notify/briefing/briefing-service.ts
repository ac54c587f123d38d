import type { Briefing, BriefingRenderings, BriefingSend } from '../../../../shared/contract/briefing';
import type { LaunchStage } from '../../../../shared/stage';
import type { SettingKey, SettingValue } from '../../../../shared/settings';
import type { BackgroundTask } from '../../background';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import type { EventBus } from '../../event-bus';
import type { Logger } from '../../logger';
import type { Timer } from '../../timer';
import { channelById, channels, type ChannelId } from '../channels';
import type { NoticeDraft } from '../rules';
import { BriefingApproval, type BriefingApprovalPort } from './briefing-approval';
import { BriefingSchedule } from './briefing-schedule';
import { composeBriefing } from './compose';
import { localDate, machineTimezone } from './local-time';
import { renderBriefing } from './renderers';
import { renderBriefingOs } from './renderers/os';
import type { BriefingSources } from './sources';

export interface BriefingDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  log: Logger;
  events: EventBus;
  settings: { get<K extends SettingKey>(key: K): SettingValue<K> };
  stage: () => LaunchStage;
  sources: BriefingSources;
  /** The outbox (NotifyService.send): rows made for the key and channels. */
  send(draft: NoticeDraft, channels: readonly ChannelId[]): number;
  /** Tests only: channel ids taken as existing besides the channels list (for an outside channel this build does not have yet). */
  extraChannels?: readonly string[];
}

/** Channels that reach no outside service: a briefing to them is never Class B. */
const localChannels: ReadonlySet<string> = new Set(['os']);

/**
 * The daily founder briefing: composed from the services' local data, rendered per channel,
 * sent through the outbox at notify.briefing.time (and on demand), and, pre-launch, asked
 * about before it goes to an outside service unless the founder turned it on.
 */
export class BriefingService {
  private readonly schedule: BriefingSchedule;
  private readonly approval: BriefingApproval;

  constructor(private readonly d: BriefingDeps) {
    this.approval = new BriefingApproval({ clock: d.clock, stage: d.stage, enqueue: (doc, key, list) => this.enqueue(doc, key, list) });
    this.schedule = new BriefingSchedule({
      db: d.db,
      clock: d.clock,
      timer: d.timer,
      log: d.log,
      when: () => (d.settings.get('notify.briefing.channels').length === 0 ? undefined : { time: d.settings.get('notify.briefing.time'), timezone: this.timezone() }),
      fire: (at, late) => {
        const doc = this.compose();
        const sent = this.send(doc, `briefing:${localDate(at, this.timezone())}`);
        d.log.info({ at, late, sent }, 'daily briefing');
      },
    });
    d.events.on('settings.changed', (entry) => {
      if (entry.key.startsWith('notify.briefing.')) this.schedule.refresh();
    });
  }

  connectApprovals(approvals: BriefingApprovalPort): void {
    this.approval.connect(approvals);
  }

  /** The briefing timezone: the setting, or this machine's. */
  timezone(): string {
    return this.d.settings.get('notify.briefing.timezone') || machineTimezone();
  }

  compose(now: number = this.d.clock.now()): Briefing {
    return composeBriefing(this.d.sources, now, this.timezone());
  }

  /** notify.briefing: the briefing now and every channel's rendering; with send, also sent now. */
  run(send: boolean): { briefing: Briefing; renderings: BriefingRenderings; sent?: BriefingSend[] } {
    const briefing = this.compose();
    const renderings = renderBriefing(briefing);
    if (!send) return { briefing, renderings };
    return { briefing, renderings, sent: this.send(briefing, `briefing:now:${briefing.at}`) };
  }

  /**
   * Sends the briefing under `key` (one outbox row per channel and key: sending it twice makes
   * no second message) to notify.briefing.channels: the system notification at once; an
   * outside channel at once post-launch or when the founder turned the briefing on, otherwise
   * through one approval for all of them.
   */
  send(doc: Briefing, key: string): BriefingSend[] {
    const wanted = this.d.settings.get('notify.briefing.channels');
    const result: BriefingSend[] = [];
    const known = wanted.filter((c) => channelById(c) !== undefined || this.d.extraChannels?.includes(c));
    for (const c of wanted.filter((w) => !known.includes(w))) {
      this.d.log.warn({ channel: c, known: channels.map((k) => k.id) }, 'notify.briefing.channels names a channel that does not exist');
      result.push({ channel: c, status: 'unknown-channel' });
    }
    const asksFirst = this.d.stage() === 'pre-launch' && !this.d.settings.get('notify.briefing.enabled') && this.approval.connected;
    const outside = known.filter((c) => !localChannels.has(c));
    const now = known.filter((c) => localChannels.has(c) || !asksFirst);
    if (outside.length > 0 && !asksFirst) this.approval.auditReal(key, outside, 'not-required');
    result.push(...this.enqueue(doc, key, now));
    if (asksFirst && outside.length > 0) {
      const a = this.approval.request(doc, key, outside);
      result.push(...outside.map((channel) => ({ channel, status: 'needs-approval' as const, approvalId: a.id })));
    }
    return result;
  }

  /** The next scheduled briefing, or undefined while it is off. */
  nextAt(): number | undefined {
    return this.schedule.next();
  }

  backgroundTask(): BackgroundTask {
    return this.schedule.backgroundTask();
  }

  private enqueue(doc: Briefing, key: string, list: readonly string[]): BriefingSend[] {
    const { title, body } = renderBriefingOs(doc);
    return list.map((channel) => {
      const made = this.d.send({ key, title, body, area: 'alerts', at: doc.at, severity: doc.severity, briefing: doc }, [channel as ChannelId]);
      return { channel, status: made > 0 ? 'queued' : 'already-queued' };
    });
  }
}
