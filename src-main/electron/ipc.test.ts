import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createDispatcher } from '../api/dispatcher';
import { createCore } from '../core';
import { procedureNames, rendererProcedureNames } from '../../shared/contract';
import { callChannel, eventChannel } from './channels';
import { forwardEvents, registerIpc, senderInfoOf, type EventTarget } from './ipc';
import type { SenderPolicy } from './sender-check';
import { FakeIpcMain, FakeSender } from '../../tests/helpers/electron/fake-ipc';

const appPage = 'app://levqor/index.html';

function setup() {
  const core = createCore({ dataDir: tempDir(), env: {} });
  const ipcMain = new FakeIpcMain();
  const sender = new FakeSender(`${appPage}#/settings`);
  const windows = new Map([[sender.webContents, 7]]);
  const knownWindowIds = new Set([7]);
  const policy = (): SenderPolicy => ({ knownWindowIds });
  const unregister = registerIpc({
    ipcMain,
    dispatcher: createDispatcher(core),
    log: core.log,
    policy,
    windowIdOf: (contents) => windows.get(contents),
  });
  const call = (name: unknown, input?: unknown) => ipcMain.invoke(sender, callChannel, name, input);
  return { core, ipcMain, sender, knownWindowIds, unregister, call };
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call the Levqor API' } };

describe('levqor:call', () => {
  it('runs the procedure for our window and returns the CallResult as-is', async () => {
    const { core, call } = setup();
    const reply = await call('app.info', {});
    expect(reply).toEqual({ ok: true, value: core.info() });
    expect(await call('stage.set', { stage: 'post-launch' })).toMatchObject({ ok: true, value: { stage: 'post-launch' } });
    expect(core.stage.current).toBe('post-launch');
    core.close();
  });

  it('passes the dispatcher\u2019s errors through, naming the field', async () => {
    const { core, call } = setup();
    expect(await call('stage.set', { stage: 'launched' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'stage: must be pre-launch or post-launch', field: 'stage' },
    });
    expect(await call('app.nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await call(42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'procedure' } });
    core.close();
  });

  it.each([
    ['a page that navigated away', (s: FakeSender) => void (s.url = 'https://evil.example/')],
    ['another file of the app', (s: FakeSender) => void (s.url = 'app://levqor/assets/evil.html')],
    ['the built page opened from file://', (s: FakeSender) => void (s.url = 'file:///app/out/renderer/index.html')],
    ['a subframe', (s: FakeSender) => void (s.isMainFrame = false)],
    ['a destroyed frame', (s: FakeSender) => void (s.destroyed = true)],
    ['a frame Electron no longer has', (s: FakeSender) => void (s.gone = true)],
  ])('refuses %s with FORBIDDEN and runs nothing', async (_why, spoil) => {
    const { core, sender, call } = setup();
    spoil(sender);
    expect(await call('stage.set', { stage: 'post-launch' })).toEqual(forbidden);
    expect(core.stage.current).toBe('pre-launch');
    core.close();
  });

  it('refuses input nested deeper than the JSON depth limit, naming it, and runs nothing', async () => {
    const { core, call } = setup();
    let tooDeep: unknown = 'x';
    for (let i = 0; i < 500; i++) tooDeep = { a: tooDeep };
    const reply = await call('settings.set', { key: 'logLevel', value: tooDeep });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input' } });
    expect(JSON.stringify(reply)).toContain('64 levels');
    expect(core.settings.entry('logLevel').source).toBe('default');
    core.close();
  });

  it('refuses a file-path procedure the renderer never calls, before anything runs', async () => {
    const { core, call } = setup();
    const file = join(tempDir(), 'rows.ndjson');
    writeFileSync(file, `${JSON.stringify({ ts: Date.now(), level: 'info', source: 'test', message: 'should never be stored' })}\n`);
    expect(await call('telemetry.ingest', { path: file })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '"telemetry.ingest" cannot be called from the desktop window', field: 'procedure' },
    });
    expect(core.telemetry.query({ limit: 10 }).rows).toEqual([]);
    expect(await call('products.validate', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'procedure' } });
    core.close();
  });

  it('refuses every procedure off the renderer list, and answers the ones on it', async () => {
    const { core, call } = setup();
    const onList = new Set<string>(rendererProcedureNames);
    const offList = procedureNames.filter((name) => !onList.has(name));
    expect(offList).toEqual(expect.arrayContaining(['telemetry.ingest', 'products.validate', 'telemetry.prune']));
    // monitors are the founder's own configuration, edited from the Guardian page
    expect([...onList]).toEqual(expect.arrayContaining(['guardian.addMonitor', 'guardian.updateMonitor', 'guardian.removeMonitor', 'guardian.monitorStats']));
    for (const name of offList) expect(await call(name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('guardian.monitors', {})).toMatchObject({ ok: true });
    const added = await call('guardian.addMonitor', { type: 'internal', check: 'disk', minFreeMb: 0, name: 'data disk' });
    expect(added).toMatchObject({ ok: true, value: { name: 'data disk', type: 'internal' } });
    const id = (added as { value: { id: string } }).value.id;
    expect(await call('guardian.updateMonitor', { id, paused: true })).toMatchObject({ ok: true, value: { paused: true } });
    expect(await call('guardian.removeMonitor', { id })).toMatchObject({ ok: true, value: { removed: true } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    core.close();
  });

  it('refuses a window it did not create, or one that has closed', async () => {
    const { core, knownWindowIds, call } = setup();
    knownWindowIds.delete(7);
    expect(await call('app.info', {})).toEqual(forbidden);
    core.close();
  });

  it('turns an Electron getter that throws into a refusal, not an exception', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: {},
    };
    expect(senderInfoOf(event as never, () => 1)).toEqual({ frameUrl: undefined, isMainFrame: false, windowId: undefined });
  });

  it('unregisters its one handler', async () => {
    const { core, ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([callChannel]);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    core.close();
  });
});

describe('forwardEvents', () => {
  function target(): EventTarget & { sent: unknown[][]; destroyed: boolean } {
    return {
      sent: [],
      destroyed: false,
      send(...args: unknown[]) {
        this.sent.push(args);
      },
      isDestroyed() {
        return this.destroyed;
      },
    };
  }

  it('sends every core event to every live window, and stops when unsubscribed', () => {
    const core = createCore({ dataDir: tempDir(), env: {} });
    const a = target();
    const b = target();
    const gone = target();
    gone.destroyed = true;
    const broken: EventTarget = {
      send: () => {
        throw new Error('Object has been destroyed');
      },
      isDestroyed: () => false,
    };
    const stop = forwardEvents(core.events, () => [broken, a, gone, b], core.log);
    core.stage.set('post-launch');
    expect(a.sent).toEqual([[eventChannel, 'settings.changed', expect.objectContaining({ key: 'stage' })], [eventChannel, 'stage.changed', expect.objectContaining({ stage: 'post-launch' })]]);
    expect(b.sent).toEqual(a.sent);
    expect(gone.sent).toEqual([]);
    stop();
    core.stage.set('pre-launch');
    expect(a.sent).toHaveLength(2);
    core.close();
  });
});
