import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../tests/helpers/setting-refusal';
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

  it('states the rule of a number setting in words, naming the setting once by its label', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const refusal = refusalOf(core.settings);
    const days = 'Keep raw telemetry (days) must be a whole number of days from 1 to 3650';
    for (const value of [-5, 0, 3651, 2.5, '30', null]) expect(refusal('telemetry.retentionDays', value)).toBe(days);
    const slo = 'Availability SLO must be a fraction above 0.5 and below 1, such as 0.999 for 99.9%';
    for (const value of [99.9, 1, 0.5, '0.999']) expect(refusal('telemetry.slo', value)).toBe(slo);
    expect(refusal('telemetry.syncIntervalSeconds', -1)).toBe('Telemetry sync interval (seconds) must be a whole number of seconds from 0 (off) to 86400 (a day)');
    expect(refusal('telemetry.slowP95Ms', 0)).toBe('Slow endpoint threshold (p95, ms) must be a whole number of milliseconds, 1 or more');
    expect(refusal('logLevel', 'loud')).toBe('Log level must be debug, info, warn or error');
    core.settings.set('telemetry.retentionDays', 3650);
    core.settings.set('telemetry.slo', 0.99999);
    expect([core.settings.get('telemetry.retentionDays'), core.settings.get('telemetry.slo')]).toEqual([3650, 0.99999]);
    core.close();
  });

  it('names the environment variable a refused value came from', () => {
    expect(() => createCore({ dataDir: tempDir(), env: { LEVQOR_LOG_LEVEL: 'loud' }, logToFile: false })).toThrow('LEVQOR_LOG_LEVEL: Log level must be debug, info, warn or error');
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
