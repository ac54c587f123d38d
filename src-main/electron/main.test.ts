import { existsSync, readFileSync } from 'node:fs';
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { callChannel, eventChannel } from './channels';
import { FakeSender } from '../../tests/helpers/electron/fake-ipc';
import * as electron from '../../tests/helpers/electron/fake-electron';

// Electron itself is replaced by a hand-written fake; everything of ours below it is real
vi.mock('electron', async () => await import('../../tests/helpers/electron/fake-electron'));

describe('main.ts with a fake Electron', () => {
  it('starts core in the data dir, opens a locked-down window, serves IPC, hides to the tray and quits cleanly', async () => {
    const dataDir = tempDir();
    process.env.LEVQOR_DATA_DIR = dataDir;
    await import('./main');
    await vi.waitFor(() => expect(electron.BrowserWindow.all).toHaveLength(1));
    const { app, BrowserWindow, Tray, Notification, ipcMain, session, protocol, Menu } = electron;
    const win = BrowserWindow.all[0]!;

    expect(app.paths.get('userData')).toBe(join(dataDir, 'electron'));
    expect(existsSync(join(dataDir, 'levqor.db'))).toBe(true);

    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // an unpackaged run keeps DevTools (window-options.test.ts and app-menu.test.ts cover the packaged app)
    expect(win.options.webPreferences?.devTools).toBe(true);
    expect(Menu.applicationMenu).not.toBeNull();
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.visible).toBe(true);

    // the page comes from app://levqor/, a scheme registered before 'ready' and served by our handler
    expect(win.loaded.url).toBe('app://levqor/index.html');
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const serve = session.defaultSession.protocol.handlers.get('app');
    const refused = await serve?.(new Request('app://levqor/..%2f..%2fpackage.json'));
    expect(refused?.status).toBe(404);
    expect(refused?.headers.get('content-security-policy')).toContain("script-src 'self'");

    // every permission is denied, every response carries the CSP, window.open is denied
    const granted: boolean[] = [];
    session.defaultSession.permissionRequestHandler?.({}, 'geolocation', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(session.defaultSession.permissionCheckHandler?.()).toBe(false);
    let headers: unknown;
    session.defaultSession.headersListener?.({ responseHeaders: {} }, (r) => (headers = r));
    expect(headers).toMatchObject({ responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("script-src 'self'")] } });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://stripe.com/docs' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://stripe.com/docs']);
    for (const url of ['https://evil.example/', pathToFileURL(join(process.cwd(), 'out', 'renderer', 'index.html')).href]) {
      const navigation = { url, prevented: false, preventDefault() { this.prevented = true; } };
      win.webContents.emit('will-navigate', navigation);
      expect(navigation.prevented, url).toBe(true);
    }
    const hashRoute = { url: 'app://levqor/index.html#/settings', prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', hashRoute);
    expect(hashRoute.prevented).toBe(false);

    // IPC from the window's own page works; the reply is the dispatcher's CallResult
    const sender = new FakeSender(win.webContents.mainFrameUrl, win.webContents as unknown as WebContents);
    expect(await ipcMain.invoke(sender, callChannel, 'app.info', {})).toMatchObject({ ok: true, value: { dataDir } });
    expect(await ipcMain.invoke(sender, callChannel, 'stage.set', { stage: 'post-launch' })).toMatchObject({ ok: true });
    expect(win.webContents.sent).toContainEqual([eventChannel, 'stage.changed', expect.objectContaining({ stage: 'post-launch' })]);
    expect(Tray.all[0]?.toolTip).toBe('Levqor X \u2014 post-launch \u00b7 Health score: nothing monitored yet');
    expect(Tray.all[0]?.icon).toMatchObject({ path: expect.stringMatching(/tray-warning\.png$/) });
    sender.url = pathToFileURL('/somewhere/else.html').href;
    expect(await ipcMain.invoke(sender, callChannel, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // closing hides to the tray, with the notice only the first time
    win.close();
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.visible).toBe(false);
    expect(Notification.shown).toHaveLength(1);

    // core's notices come through the OS notifier, delivered by the background; a click opens the window at the area
    sender.url = win.webContents.mainFrameUrl;
    const tell = { name: 'Tell me', trigger: { type: 'manual' }, nodes: [{ id: 'tell', type: 'notify.founder', params: { title: 'Refund asked', body: 'Order 42' } }], edges: [] };
    expect(await ipcMain.invoke(sender, callChannel, 'workflows.run', { workflow: tell, wait: true })).toMatchObject({ ok: true, value: { status: 'succeeded' } });
    await vi.waitFor(() => expect(Notification.shown).toContainEqual({ title: 'Refund asked', body: 'Order 42' }));
    Notification.instances.at(-1)?.emit('click');
    expect(win.visible).toBe(true);
    expect(win.webContents.scripts).toEqual(['location.hash = "#/workflows"']);
    win.close();

    // the tray's Pause alerts for 1 h pauses the outbox; its Resume ends the pause; Run briefing now sends the briefing
    const trayItem = (label: RegExp) => Tray.all[0]?.menu?.items.find((i) => label.test(i.label ?? ''));
    trayItem(/^Pause alerts for 1 h$/)?.click?.();
    const paused = await ipcMain.invoke(sender, callChannel, 'notify.status', {});
    expect(paused).toMatchObject({ ok: true, value: { pausedUntil: expect.any(Number) } });
    expect((paused as { value: { pausedUntil: number } }).value.pausedUntil - Date.now()).toBeGreaterThan(59 * 60_000);
    trayItem(/^Alerts paused until .* Resume$/)?.click?.();
    expect(await ipcMain.invoke(sender, callChannel, 'notify.status', {})).toMatchObject({ ok: true, value: { pausedUntil: null } });
    trayItem(/^Run briefing now$/)?.click?.();
    await vi.waitFor(() => expect(Notification.shown).toContainEqual(expect.objectContaining({ title: expect.stringMatching(/^Founder briefing/) })));

    // Quit from the tray really quits: the window closes and core is closed
    Tray.all[0]?.menu?.items.find((i) => i.label === 'Quit')?.click?.();
    expect(win.destroyed).toBe(true);
    expect(Tray.all[0]?.destroyed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
    expect(app.exitCode).toBeUndefined();
    expect(readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8')).toContain('"msg":"desktop app quit"');
    delete process.env.LEVQOR_DATA_DIR;
  });
});
