import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore } from '..';

describe('settings', () => {
  it('defaults, stores, and survives a reopen', () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, env: {}, logToFile: false });
    expect(core.settings.entry('logLevel')).toMatchObject({ value: 'info', source: 'default' });
    core.settings.set('logLevel', 'debug');
    core.close();
    const again = createCore({ dataDir, env: {}, logToFile: false });
    expect(again.settings.entry('logLevel')).toMatchObject({ value: 'debug', source: 'stored' });
    again.close();
  });

  it('rejects a bad value naming the field, and stores nothing', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    expect(() => core.settings.set('logLevel', 'loud')).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'value' }));
    expect(() => core.settings.set('nope', 1)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'key' }));
    expect(core.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    core.close();
  });

  it('lets an environment variable override the stored value, and says so', () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, env: { LEVQOR_LAUNCH_STAGE: 'post-launch' }, logToFile: false });
    core.stage.set('pre-launch');
    expect(core.stage.state()).toEqual({ stage: 'post-launch', stored: 'pre-launch', source: 'env', envOverride: 'post-launch' });
    expect(core.info().stage).toBe('post-launch');
    core.close();
  });

  it('refuses to start with an invalid LEVQOR_LAUNCH_STAGE', () => {
    expect(() => createCore({ dataDir: tempDir(), env: { LEVQOR_LAUNCH_STAGE: 'launched' }, logToFile: false })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', field: 'LEVQOR_LAUNCH_STAGE' }),
    );
  });

  it('emits settings.changed and stage.changed', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const seen: string[] = [];
    core.events.subscribe((name) => seen.push(name));
    core.stage.set('post-launch');
    expect(seen).toEqual(['settings.changed', 'stage.changed']);
    core.close();
  });
});
