import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus';

const state = { stage: 'post-launch', stored: 'post-launch', source: 'stored' } as const;

describe('event bus', () => {
  it('delivers one event to its listeners and every event to subscribers', () => {
    const bus = new EventBus();
    const named: unknown[] = [];
    const all: string[] = [];
    const off = bus.on('stage.changed', (p) => named.push(p.stage));
    bus.subscribe((name) => all.push(name));
    bus.emit('stage.changed', state);
    off();
    bus.emit('stage.changed', state);
    expect(named).toEqual(['post-launch']);
    expect(all).toEqual(['stage.changed', 'stage.changed']);
  });

  it('says whether an event reaches anyone', () => {
    const bus = new EventBus();
    expect(bus.hasListeners('stage.changed')).toBe(false);
    const off = bus.on('stage.changed', () => {});
    expect(bus.hasListeners('stage.changed')).toBe(true);
    expect(bus.hasListeners('settings.changed')).toBe(false);
    off();
    bus.subscribe(() => {});
    expect(bus.hasListeners('settings.changed')).toBe(true);
  });

  it('drops a payload that breaks the contract instead of forwarding it', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((_n, p) => seen.push(p));
    bus.emit('stage.changed', { stage: 'someday' } as never);
    expect(seen).toEqual([]);
  });
});
