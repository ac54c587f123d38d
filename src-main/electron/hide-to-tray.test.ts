import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore, ManualClock } from '../core';
import { readAppState, writeAppState } from './app-state';
import { createTrayNotice, trayNoticeKey, type TrayNotice } from './hide-to-tray';

describe('hide-to-tray notice', () => {
  it('is shown the first time the window hides, then never again, across restarts', () => {
    const dataDir = tempDir();
    const clock = new ManualClock(Date.UTC(2026, 2, 1));
    const shown: TrayNotice[] = [];

    const first = createCore({ dataDir, env: {}, clock });
    const onHidden = createTrayNotice(first, (notice) => shown.push(notice));
    expect(onHidden()).toBe(true);
    expect(onHidden()).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toMatch(/still running/);
    expect(readAppState(first.db, trayNoticeKey)).toBe(String(Date.UTC(2026, 2, 1)));
    first.close();

    const second = createCore({ dataDir, env: {}, clock });
    expect(createTrayNotice(second, (notice) => shown.push(notice))()).toBe(false);
    expect(shown).toHaveLength(1);
    second.close();
  });

  it('is not repeated when showing the notification failed', () => {
    const core = createCore({ dataDir: tempDir(), env: {} });
    const onHidden = createTrayNotice(core, () => {
      throw new Error('notifications unavailable');
    });
    expect(() => onHidden()).toThrow('notifications unavailable');
    expect(onHidden()).toBe(false);
    core.close();
  });

  it('stores app state as plain key/value rows', () => {
    const core = createCore({ dataDir: tempDir(), env: {} });
    expect(readAppState(core.db, 'x')).toBeUndefined();
    writeAppState(core.db, 'x', 'one');
    writeAppState(core.db, 'x', 'two');
    expect(readAppState(core.db, 'x')).toBe('two');
    expect(core.db.prepare('SELECT count(*) AS n FROM app_state').get()).toEqual({ n: 1 });
    core.close();
  });
});
