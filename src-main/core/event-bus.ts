import { events, type EventName, type EventPayload } from '../../shared/contract';
import type { Logger } from './logger';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

/**
 * The typed event stream of the contract. Transports subscribe to everything and forward it;
 * services listen to the names they care about. Payloads are checked against the contract so
 * a transport never ships a malformed event — and only when someone listens, since the
 * engine emits several events per step on its hot path.
 */
export class EventBus {
  private readonly all = new Set<AnyEventListener>();
  private readonly byName = new Map<EventName, Set<AnyEventListener>>();
  constructor(private readonly log?: Logger) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const named = this.byName.get(name);
    if (this.all.size === 0 && !named?.size) return;
    const checked = events[name].payload.safeParse(payload);
    if (!checked.success) {
      this.log?.error({ event: name, issues: checked.error.issues.length }, 'event payload does not match the contract');
      return;
    }
    for (const listener of [...this.all, ...(named ?? [])]) {
      try {
        listener(name, checked.data);
      } catch (err) {
        this.log?.error({ event: name, err: String(err) }, 'event listener threw');
      }
    }
  }

  /** Every event, for transports that forward them all. */
  subscribe(listener: AnyEventListener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** One event, typed. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.byName.get(name);
    if (!set) this.byName.set(name, (set = new Set()));
    const wrapped: AnyEventListener = (_name, payload) => listener(payload as EventPayload<E>);
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  /** Whether emitting `name` reaches anyone: callers skip building costly payloads otherwise. */
  hasListeners(name: EventName): boolean {
    return this.all.size > 0 || (this.byName.get(name)?.size ?? 0) > 0;
  }

  get listenerCount(): number {
    let n = this.all.size;
    for (const set of this.byName.values()) n += set.size;
    return n;
  }
}
