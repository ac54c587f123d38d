import { describe, expect, it } from 'vitest';
import { Background } from './background';

describe('background tasks', () => {
  it('start only when asked, and stop in reverse order', async () => {
    const log: string[] = [];
    const bg = new Background();
    for (const name of ['a', 'b']) bg.register({ name, start: () => (log.push(`start ${name}`), () => void log.push(`stop ${name}`)) });
    expect(log).toEqual([]);
    bg.start();
    bg.register({ name: 'late', start: () => void log.push('start late') });
    await bg.stop();
    expect(log).toEqual(['start a', 'start b', 'start late', 'stop b', 'stop a']);
    expect(bg.running).toBe(false);
  });
});
