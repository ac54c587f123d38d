import type { EventName } from '../../../shared/contract';
import type { Trigger, WorkflowDocument } from '../../../shared/workflow';
import { eventTriggerType, eventTriggerTypes } from '../../../shared/triggers';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { TriggerPayloadPort } from '../trigger-payload-port';
import type { WorkflowStore } from './store/workflow-store';
import type { WorkflowService } from './workflow-service';

/** The contract event a trigger fires on: an `event` trigger's, or a named event trigger's (shared/triggers). */
export function eventOf(trigger: Trigger): string | undefined {
  if (trigger.type === 'event') return trigger.event;
  return eventTriggerType(trigger.type)?.event;
}

/** Every key of the filter equals the same key of the payload (nested objects compared as JSON). */
export function matchesFilter(payload: unknown, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  if (payload === null || typeof payload !== 'object') return false;
  for (const [key, want] of Object.entries(filter)) {
    const got = (payload as Record<string, unknown>)[key];
    if (want !== null && typeof want === 'object') {
      if (JSON.stringify(got) !== JSON.stringify(want)) return false;
    } else if (got !== want) return false;
  }
  return true;
}

/**
 * Event triggers: while the engine runs in the background, an event from the contract whose
 * name (and filter) matches starts the workflow with the payload as its input. Events about
 * a workflow's own runs never trigger that workflow (no feedback loops). The filter and the
 * run's input see the payload as `payloads` completes it (a `stripe.event`'s whole object).
 */
export class EventTriggers {
  private unsubscribe: (() => void) | undefined;
  private byEvent = new Map<string, { id: string; document: WorkflowDocument }[]>();

  constructor(
    private readonly bus: EventBus,
    private readonly store: WorkflowStore,
    private readonly workflows: WorkflowService,
    private readonly log: Logger,
    private readonly payloads?: TriggerPayloadPort,
  ) {}

  start(): void {
    if (this.unsubscribe) return;
    this.refresh();
    this.unsubscribe = this.bus.subscribe((name, payload) => this.onEvent(name, payload));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  refresh(): void {
    const map = new Map<string, { id: string; document: WorkflowDocument }[]>();
    for (const type of ['event', ...eventTriggerTypes.map((t) => t.type)]) {
      for (const row of this.store.enabledWithTrigger(type)) {
        const document = this.store.definition(row.definition_id);
        const event = document && eventOf(document.trigger);
        if (!event) continue;
        const list = map.get(event) ?? [];
        list.push({ id: row.id, document });
        map.set(event, list);
      }
    }
    this.byEvent = map;
  }

  private onEvent(name: EventName, streamed: unknown): void {
    const targets = this.byEvent.get(name);
    if (!targets) return;
    const payload = this.payloads ? this.payloads.payloadFor(name, streamed) : streamed;
    for (const t of targets) {
      if (payload && typeof payload === 'object' && (payload as { workflowId?: unknown }).workflowId === t.id) continue;
      // only event triggers are listed (refresh): each has an optional filter
      if (!matchesFilter(payload, (t.document.trigger as { filter?: Record<string, unknown> }).filter)) continue;
      try {
        this.workflows.startRun({ id: t.id, input: { event: name, payload }, trigger: 'event' });
      } catch (err) {
        this.log.error({ workflowId: t.id, event: name, err: String(err) }, 'event trigger could not start a run');
      }
    }
  }
}
