import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/helpers/temp-dir';
import { createDispatcher } from '../src-main/api/dispatcher';
import { createCore } from '../src-main/core';
import * as mainChannels from '../src-main/electron/channels';
import { forwardEvents, registerIpc } from '../src-main/electron/ipc';
import { connectRenderer, FakeIpcMain, FakeSender } from '../tests/helpers/electron/fake-ipc';
import { rendererProcedureNames, type RendererApi } from '../shared/contract';
import * as preloadChannels from './channels';
import { exposeLevqorApi, type ContextBridgeLike } from './expose';
import { resultTransport, unwrapResult } from './transport';

interface Realm {
  Error: ErrorConstructor;
  Promise: PromiseConstructor;
  Object: ObjectConstructor;
}

/**
 * Hand-written stand-in for Electron's contextBridge between the preload (this Node realm)
 * and the page (a vm context, so it has its own Error and Object). It copies the way the
 * bridge documents: functions are proxied, promises are proxied, plain objects and arrays are
 * copied, and an Error arrives as `new Error(message)` of the other world, nothing more.
 */
function fakeContextBridge(withExecute = true) {
  const page = vm.createContext({});
  const pageRealm = vm.runInContext('({ Error, Promise, Object })', page) as Realm;
  const hostRealm: Realm = { Error, Promise, Object };

  function cross(value: unknown, to: Realm, from: Realm): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = fn(...args.map((a) => cross(a, from, to)));
        } catch (err) {
          throw cross(err, to, from);
        }
        return cross(result, to, from);
      };
    }
    if (typeof (value as { then?: unknown }).then === 'function') {
      return new to.Promise((resolve, reject) =>
        (value as Promise<unknown>).then(
          (v) => resolve(cross(v, to, from)),
          (e) => reject(cross(e, to, from)),
        ),
      );
    }
    if (value instanceof from.Error) return new to.Error(value.message);
    if (Array.isArray(value)) return value.map((v) => cross(v, to, from));
    const copy = new to.Object() as Record<string, unknown>;
    for (const key of Object.keys(value)) copy[key] = cross((value as Record<string, unknown>)[key], to, from);
    return copy;
  }

  const bridge: ContextBridgeLike & { executed: number } = {
    executed: 0,
    exposeInMainWorld(key, api) {
      if (key in page) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(page, key, { value: cross(api, pageRealm, hostRealm), enumerable: true });
    },
    ...(withExecute
      ? {
          executeInMainWorld({ func, args = [] }: { func: (...args: never[]) => unknown; args?: unknown[] }) {
            bridge.executed++;
            // serialised like Electron does: only the function's source reaches the page
            const inPage = vm.runInContext(`(${func.toString()})`, page) as (...a: unknown[]) => unknown;
            return cross(inPage(...args.map((a) => cross(a, pageRealm, hostRealm))), hostRealm, pageRealm);
          },
        }
      : {}),
  };
  const levqor = () => (page as { levqor?: RendererApi }).levqor as RendererApi;
  return { bridge, page, pageRealm, levqor };
}

const appPage = 'app://levqor/index.html';

/** The real main side (IPC handler, dispatcher, core) behind fake Electron IPC. */
function mainProcess() {
  const core = createCore({ dataDir: tempDir(), env: {} });
  const ipcMain = new FakeIpcMain();
  const sender = new FakeSender(appPage);
  registerIpc({
    ipcMain,
    dispatcher: createDispatcher(core),
    log: core.log,
    policy: () => ({ knownWindowIds: new Set([1]) }),
    windowIdOf: (contents) => (contents === sender.webContents ? 1 : undefined),
  });
  const renderer = connectRenderer(ipcMain, sender);
  forwardEvents(core.events, () => [renderer.webContents], core.log);
  return { core, ipcMain, sender, renderer };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; field?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string; field?: string };
  }
  throw new Error('expected a rejection');
}

describe('preload: window.levqor in the page', () => {
  it('uses the same channel names as the main process', () => {
    expect({ ...preloadChannels }).toEqual({ ...mainChannels });
  });

  it('answers calls through IPC and the real dispatcher', async () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor } = fakeContextBridge();
    expect(exposeLevqorApi(bridge, renderer.ipcRenderer)).toBe('main-world');
    expect(bridge.executed).toBe(1);
    expect(await levqor().app.info()).toEqual(core.info());
    expect(await levqor().stage.set({ stage: 'post-launch' })).toMatchObject({ stage: 'post-launch' });
    expect(core.stage.current).toBe('post-launch');
    core.close();
  });

  it('rejects with an Error of the page\u2019s own realm carrying message, code and field', async () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor, pageRealm } = fakeContextBridge();
    exposeLevqorApi(bridge, renderer.ipcRenderer);
    const err = await rejection(levqor().settings.set({ key: 'no.such.setting', value: 1 }));
    expect(err).toBeInstanceOf(pageRealm.Error);
    expect(err.name).toBe('LevqorError');
    expect(err.message).toMatch(/^key: unknown setting "no.such.setting"/);
    expect(err.code).toBe('BAD_INPUT');
    expect(err.field).toBe('key');
    core.close();
  });

  it('shows the page only the typed API: frozen, no ipcRenderer, no raw call', () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor } = fakeContextBridge();
    exposeLevqorApi(bridge, renderer.ipcRenderer);
    const api = levqor() as unknown as Record<string, unknown>;
    expect(Object.keys(api.settings as object).sort()).toEqual(['get', 'set']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
    // the result-returning inner API stays in the preload's closure
    expect(Object.keys(globalThis)).not.toContain('levqor');
    core.close();
  });

  it.each([true, false])('exposes exactly the procedures the renderer calls (executeInMainWorld: %s)', (withExecute) => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor } = fakeContextBridge(withExecute);
    exposeLevqorApi(bridge, renderer.ipcRenderer);
    const api = levqor() as unknown as Record<string, unknown>;
    const exposed = Object.keys(api)
      .filter((ns) => ns !== 'on')
      .flatMap((ns) => Object.keys(api[ns] as object).map((method) => `${ns}.${method}`));
    expect(exposed.sort()).toEqual([...rendererProcedureNames].sort());
    // the procedures that read a file by path are not there to call
    expect((api.telemetry as Record<string, unknown>).ingest).toBeUndefined();
    expect((api.products as Record<string, unknown>).validate).toBeUndefined();
    // monitors, the founder's own configuration, are
    for (const method of ['addMonitor', 'updateMonitor', 'removeMonitor', 'monitorStats']) expect(typeof (api.guardian as Record<string, unknown>)[method], method).toBe('function');
    core.close();
  });

  it('delivers core events to listeners and stops after unsubscribe', async () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor } = fakeContextBridge();
    exposeLevqorApi(bridge, renderer.ipcRenderer);
    const seen: unknown[] = [];
    const off = levqor().on('stage.changed', (payload) => seen.push(payload.stage));
    core.stage.set('post-launch');
    off();
    core.stage.set('pre-launch');
    expect(seen).toEqual(['post-launch']);
    expect(() => levqor().on('no.such.event' as 'stage.changed', () => {})).toThrow(/Unknown event/);
    core.close();
  });

  it('turns a refused sender into a FORBIDDEN rejection', async () => {
    const { core, renderer, sender } = mainProcess();
    const { bridge, levqor } = fakeContextBridge();
    exposeLevqorApi(bridge, renderer.ipcRenderer);
    sender.url = 'https://evil.example/';
    const err = await rejection(levqor().stage.set({ stage: 'post-launch' }));
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: 'This page may not call the Levqor API' });
    expect(core.stage.current).toBe('pre-launch');
    core.close();
  });

  it('falls back to exposeInMainWorld when executeInMainWorld is missing: the message survives, code and field do not', async () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor, pageRealm } = fakeContextBridge(false);
    expect(exposeLevqorApi(bridge, renderer.ipcRenderer)).toBe('bridge');
    expect(await levqor().app.info()).toEqual(core.info());
    const err = await rejection(levqor().settings.set({ key: 'no.such.setting', value: 1 }));
    expect(err).toBeInstanceOf(pageRealm.Error);
    expect(err.message).toMatch(/^key: unknown setting/);
    expect(err.code).toBeUndefined();
    core.close();
  });

  it('falls back when executeInMainWorld throws', async () => {
    const { core, renderer } = mainProcess();
    const { bridge, levqor } = fakeContextBridge();
    bridge.executeInMainWorld = () => {
      throw new Error('executeInMainWorld is not supported here');
    };
    expect(exposeLevqorApi(bridge, renderer.ipcRenderer)).toBe('bridge');
    expect(await levqor().stage.get()).toMatchObject({ stage: 'pre-launch' });
    core.close();
  });

  it('reports an unanswered IPC call as UNAVAILABLE and a malformed reply as INTERNAL', async () => {
    const { core, ipcMain, renderer } = mainProcess();
    ipcMain.handlers.clear();
    const transport = resultTransport(renderer.ipcRenderer);
    expect(await transport.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    ipcMain.handle(mainChannels.callChannel, () => ({ nonsense: true }));
    expect(await transport.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(() => unwrapResult({ ok: false, error: { code: 'NOT_FOUND', message: 'gone', field: 'id' } })).toThrow(
      expect.objectContaining({ name: 'LevqorError', code: 'NOT_FOUND', field: 'id', message: 'gone' }),
    );
    core.close();
  });

  it('passes only known events to the page, and removes its IPC listener on unsubscribe', () => {
    const { core, renderer } = mainProcess();
    const received: string[] = [];
    const unsubscribe = resultTransport(renderer.ipcRenderer).subscribe((name) => received.push(name));
    renderer.webContents.send(mainChannels.eventChannel, 'no.such.event', {});
    renderer.webContents.send(mainChannels.eventChannel, 'stage.changed', { stage: 'pre-launch' });
    expect(received).toEqual(['stage.changed']);
    unsubscribe();
    expect(renderer.listenerCount(mainChannels.eventChannel)).toBe(0);
    core.close();
  });
});
