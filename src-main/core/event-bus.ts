import { events, type EventName, type EventPayload } from '../../shared/contract';
import type { Logger } from './logger';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

/**
 * The typed event stream of the contract. Transports subscribe to everything and forward it;
 * payloads are checked against the contract so a transport never ships a malformed event.
 */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();
  constructor(private readonly log?: Logger) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.safeParse(payload);
    if (!checked.success) {
      this.log?.error({ event: name, issues: checked.error.issues.length }, 'event payload does not match the contract');
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(name, checked.data);
      } catch (err) {
        this.log?.error({ event: name, err: String(err) }, 'event listener threw');
      }
    }
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
