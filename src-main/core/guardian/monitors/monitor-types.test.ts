import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { createCore, ManualClock } from '../..';
import { createDispatcher } from '../../../api/dispatcher';
import { monitorTypeList } from './index';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'd'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DATABASE_URL: '' }, clock, logToFile: false });
  cleanups.push(() => core.close());
  const dispatcher = createDispatcher(core);
  const call = async (name: string, input: unknown) => {
    const r = await dispatcher.call(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as any;
  };
  return { core, clock, call };
}

describe('monitor types', () => {
  it('every registered type has settings, hints for each, a default name and a check, and guardian.monitorTypes describes it with a JSON Schema', async () => {
    const { call } = setup();
    const { monitorTypes } = await call('guardian.monitorTypes', {});
    expect(monitorTypes.map((t: { type: string }) => t.type)).toEqual(monitorTypeList.map((t) => t.type));
    expect(new Set(monitorTypeList.map((t) => t.type)).size).toBe(monitorTypeList.length);
    for (const t of monitorTypeList) {
      expect(t.settings).toBeInstanceOf(z.ZodObject);
      expect(typeof t.defaultName).toBe('function');
      expect(typeof t.check).toBe('function');
      expect(t.label.length * t.description.length).toBeGreaterThan(0);
      const keys = Object.keys(t.settings.shape);
      expect(Object.keys(t.ui).sort()).toEqual([...keys].sort());
      const info = monitorTypes.find((i: { type: string }) => i.type === t.type);
      expect(info).toMatchObject({ label: t.label, description: t.description, ui: t.ui, settingsSchema: { type: 'object', additionalProperties: false } });
      expect(Object.keys(info.settingsSchema.properties ?? {}).sort()).toEqual([...keys].sort());
    }
    expect(monitorTypes.find((t: { type: string }) => t.type === 'push')).toMatchObject({ receivesPings: true, defaults: { graceSeconds: 60 } });
    expect(monitorTypes.find((t: { type: string }) => t.type === 'http').settingsSchema.required).toEqual(['url']);
  });

  it('a monitor keeps the flat JSON older builds stored and sent: its settings beside the other types\u2019, unset', () => {
    const { core } = setup();
    const unset = { url: null, keyword: null, expectedStatus: null, graceSeconds: 60, check: null, maxAgeSeconds: null, minFreeMb: null };
    const common = { intervalSeconds: 60, retries: 0, timeoutSeconds: 48, resendIntervalSeconds: 0, maintenance: [], paused: false };
    const added = [
      core.guardian.add({ type: 'http', url: 'https://example.com', keyword: 'ok' }),
      core.guardian.add({ type: 'push', graceSeconds: 30 }),
      core.guardian.add({ type: 'postgres' }),
      core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 }),
    ];
    const stored = (id: string) => JSON.parse((core.db.prepare('SELECT definition FROM guardian_monitors WHERE id = ?').get(id) as { definition: string }).definition);
    const expected = [
      { name: 'example.com', type: 'http', ...common, ...unset, url: 'https://example.com/', keyword: 'ok' },
      { name: 'heartbeat', type: 'push', ...common, ...unset, graceSeconds: 30 },
      { name: 'remote Postgres', type: 'postgres', ...common, ...unset },
      { name: 'internal: disk', type: 'internal', ...common, ...unset, check: 'disk', minFreeMb: 0 },
    ];
    added.forEach((m, i) => {
      expect(stored(m.id)).toEqual(expected[i]);
      expect(m).toMatchObject(expected[i]!);
    });
  });

  it('reads, checks and edits a monitor stored by an older build', async () => {
    const { core, clock } = setup();
    const old = { name: 'disk', type: 'internal', url: null, intervalSeconds: 30, retries: 1, timeoutSeconds: 24, keyword: null, expectedStatus: null, graceSeconds: 60, check: 'disk', maxAgeSeconds: null, minFreeMb: 0, resendIntervalSeconds: 0, maintenance: [], paused: false };
    core.db
      .prepare("INSERT INTO guardian_monitors (id, name, type, definition, push_token, state, created_at, updated_at) VALUES ('m-old', 'disk', 'internal', ?, NULL, 'PENDING', ?, ?)")
      .run(JSON.stringify(old), clock.now(), clock.now());
    expect(core.guardian.get('m-old')).toMatchObject(old);
    expect(await core.guardian.checkOne('m-old')).toMatchObject({ state: 'UP', lastMessage: expect.stringContaining('MB free') });
    expect(core.guardian.update('m-old', { minFreeMb: 1e9, retries: 0 })).toMatchObject({ ...old, minFreeMb: 1e9, retries: 0 });
    expect(await core.guardian.checkOne('m-old')).toMatchObject({ state: 'DOWN' });
  });

  it('a type\u2019s settings are checked by its own schema, naming the field; nothing is stored on a refusal', async () => {
    const { core, call } = setup();
    await expect(call('guardian.addMonitor', { type: 'http', url: 'https://example.com', graceSeconds: 5 })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'graceSeconds', message: 'graceSeconds: is only for push monitors' });
    await expect(call('guardian.addMonitor', { type: 'push', colour: 'red' })).rejects.toMatchObject({ field: 'colour', message: expect.stringMatching(/^colour: is not a monitor field \(push monitors take graceSeconds/) });
    await expect(call('guardian.addMonitor', { type: 'internal', check: 'disk', minFreeMb: -1 })).rejects.toMatchObject({ field: 'minFreeMb', message: 'minFreeMb: must not be negative' });
    await expect(call('guardian.addMonitor', { type: 'http', url: 'https://u:p@example.com' })).rejects.toMatchObject({ field: 'url', message: 'url: must not carry a user or password' });
    await expect(call('guardian.addMonitor', { type: 'http', url: 'https://example.com', expectedStatus: 700 })).rejects.toMatchObject({ field: 'expectedStatus', message: 'expectedStatus: must be an HTTP status (100-599)' });
    await expect(call('guardian.addMonitor', {})).rejects.toMatchObject({ field: 'type' });
    expect(core.guardian.list()).toEqual([]);

    const m = await call('guardian.addMonitor', { type: 'http', url: 'https://example.com/health' });
    await expect(call('guardian.updateMonitor', { id: m.id, check: 'disk' })).rejects.toMatchObject({ field: 'check', message: 'check: is only for internal monitors' });
    await expect(call('guardian.updateMonitor', { id: m.id, keyword: '' })).rejects.toMatchObject({ field: 'keyword', message: 'keyword: must not be empty' });
    const edited = await call('guardian.updateMonitor', { id: m.id, keyword: 'ok', expectedStatus: 204 });
    expect(edited).toMatchObject({ url: 'https://example.com/health', keyword: 'ok', expectedStatus: 204, name: 'example.com/health' });
    expect(core.guardian.get(m.id)).toMatchObject({ keyword: 'ok', expectedStatus: 204 });

    // null clears an optional setting (the form's emptied field); a required one, or another type's, is refused by name
    expect(await call('guardian.updateMonitor', { id: m.id, keyword: null })).toMatchObject({ keyword: null, expectedStatus: 204 });
    expect(core.guardian.get(m.id)).toMatchObject({ keyword: null, expectedStatus: 204 });
    await expect(call('guardian.updateMonitor', { id: m.id, url: null })).rejects.toMatchObject({ field: 'url', message: 'url: is required for an http monitor' });
    await expect(call('guardian.updateMonitor', { id: m.id, graceSeconds: null })).rejects.toMatchObject({ field: 'graceSeconds', message: 'graceSeconds: is only for push monitors' });
    expect(core.guardian.get(m.id)).toMatchObject({ url: 'https://example.com/health', expectedStatus: 204 });
  });
});
