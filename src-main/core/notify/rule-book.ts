import type { EventName } from '../../../shared/contract';
import type { NotifyRule, RuleSettings } from '../../../shared/contract/notify-rules';
import type { NoticeSeverity } from '../../../shared/contract/notify';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { channels } from './channels';
import { checkFilter } from './rule-filter';
import { RuleStore } from './rule-store';
import { defaultRules, type RuleDef } from './rules';

/** What notify.setRule may change; the fields left out stay as they are. */
export interface RuleChange {
  id: string;
  enabled?: boolean | undefined;
  channels?: readonly string[] | undefined;
  severity?: NoticeSeverity | undefined;
  filter?: RuleSettings['filter'] | undefined;
}

const severityRank: Record<NoticeSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** The higher of the rule's severity and the event's own (a step at level error is critical whatever the rule says). */
export function higherSeverity(rule: NoticeSeverity, own: NoticeSeverity | undefined): NoticeSeverity {
  return own !== undefined && severityRank[own] > severityRank[rule] ? own : rule;
}

function defaultsOf(def: RuleDef): RuleSettings {
  return { enabled: true, channels: [...def.channels], severity: def.severity, filter: {} };
}

function sameSettings(a: RuleSettings, b: RuleSettings): boolean {
  return JSON.stringify([a.enabled, a.channels, a.severity, a.filter]) === JSON.stringify([b.enabled, b.channels, b.severity, b.filter]);
}

/**
 * The rules as they stand now: the code's table with the founder's settings over its defaults.
 * Read at every event, so an edit (here or from another process, the CLI) counts at once.
 */
export class RuleBook {
  private readonly store: RuleStore;
  private readonly byId: ReadonlyMap<string, RuleDef>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    readonly table: readonly RuleDef[] = defaultRules,
  ) {
    this.store = new RuleStore(db);
    this.byId = new Map(table.map((r) => [r.id, r]));
  }

  /** The events some rule follows, each once. */
  events(): EventName[] {
    return [...new Set(this.table.map((r) => r.event))];
  }

  /** The rules of one event with their current settings, in table order. */
  forEvent(event: EventName): Array<{ def: RuleDef; settings: RuleSettings }> {
    return this.table.filter((r) => r.event === event).map((def) => ({ def, settings: this.store.get(def.id)?.settings ?? defaultsOf(def) }));
  }

  list(): NotifyRule[] {
    const stored = this.store.all();
    return this.table.map((def) => this.view(def, stored.get(def.id)));
  }

  get(id: string): NotifyRule {
    const def = this.def(id);
    return this.view(def, this.store.get(id));
  }

  set(change: RuleChange): NotifyRule {
    const def = this.def(change.id);
    const current = this.store.get(def.id)?.settings ?? defaultsOf(def);
    if (change.channels) checkChannels(change.channels);
    if (change.filter) checkFilter(def, change.filter);
    const next: RuleSettings = {
      enabled: change.enabled ?? current.enabled,
      channels: change.channels ? [...new Set(change.channels)] : current.channels,
      severity: change.severity ?? current.severity,
      filter: change.filter ?? current.filter,
    };
    this.store.put(def.id, next, this.clock.now());
    return this.get(def.id);
  }

  reset(id: string): NotifyRule {
    const def = this.def(id);
    this.store.delete(def.id);
    return this.view(def, undefined);
  }

  private def(id: string): RuleDef {
    const def = this.byId.get(id);
    if (!def) throw new CoreError('NOT_FOUND', `id: there is no rule "${id}"; the rules are ${this.table.map((r) => r.id).join(', ')}`, 'id');
    return def;
  }

  private view(def: RuleDef, stored: { settings: RuleSettings; updatedAt: number } | undefined): NotifyRule {
    const defaults = defaultsOf(def);
    const settings = stored?.settings ?? defaults;
    return {
      id: def.id,
      label: def.label,
      event: def.event,
      about: def.about,
      fields: Object.keys(def.fields),
      ...settings,
      defaults,
      changed: !sameSettings(settings, defaults),
      updatedAt: stored?.updatedAt ?? null,
    };
  }
}

/** Each id must be a channel of this version of the app (channels/index.ts). */
function checkChannels(ids: readonly string[]): void {
  const known = channels.map((c) => c.id as string);
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined) throw new CoreError('BAD_INPUT', `channels: there is no channel "${unknown}"; the channels are ${known.join(', ')}`, 'channels');
}
