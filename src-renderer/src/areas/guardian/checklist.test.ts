import { describe, expect, it } from 'vitest';
import { setupChecklist } from './checklist';

describe('the first-run checklist', () => {
  it('ticks each item from the state it reads, and points where each is done', () => {
    const empty = setupChecklist({ monitors: 0, products: 0, workflows: 0, remoteConfigured: false, stageChosen: false });
    expect(empty.map((i) => [i.id, i.done])).toEqual([
      ['monitor', false],
      ['product', false],
      ['workflow', false],
      ['remote', false],
      ['stage', false],
    ]);
    expect(empty.map((i) => i.where)).toEqual([
      { form: 'monitor', label: 'Open the monitor form' },
      { area: 'launches', label: 'Open Launches' },
      { area: 'workflows', label: 'Open Workflows' },
      { area: 'settings', label: 'Open Settings' },
      { area: 'settings', label: 'Open Settings' },
    ]);
    const some = setupChecklist({ monitors: 2, products: 1, workflows: 0, remoteConfigured: true, stageChosen: true });
    expect(some.filter((i) => i.done).map((i) => i.id)).toEqual(['monitor', 'product', 'remote', 'stage']);
    expect(some[0]!.detail).toBe('2 monitors watching');
    expect(some[1]!.detail).toBe('1 product drafted');
  });
});
