import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore } from '../core';
import { TrayService, trayTooltip, type TrayLike, type TrayMenuItem } from './tray-service';

/** Hand-written stand-ins for Electron's Tray, Menu and nativeImage. */
class FakeTray implements TrayLike<FakeMenu> {
  toolTip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  readonly clickListeners: Array<() => void> = [];
  constructor(readonly icon: string) {}
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void) {
    this.clickListeners.push(listener);
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
}

interface FakeMenu {
  items: TrayMenuItem[];
}

function setup(stage: 'pre-launch' | 'post-launch' = 'pre-launch') {
  const calls = { show: 0, quit: 0 };
  const trays: FakeTray[] = [];
  const service = new TrayService<string, FakeMenu>(
    {
      loadIcon: () => 'tray.png',
      createTray: (icon) => {
        const tray = new FakeTray(icon);
        trays.push(tray);
        return tray;
      },
      buildMenu: (items) => ({ items }),
      showWindow: () => void calls.show++,
      quit: () => void calls.quit++,
    },
    stage,
  );
  const tray = () => {
    const t = trays[0];
    if (!t) throw new Error('no tray created');
    return t;
  };
  const item = (label: string) => {
    const found = tray().menu?.items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${label}`);
    return found;
  };
  return { service, calls, trays, tray, item };
}

describe('TrayService', () => {
  it('creates one tray with the icon, an Open and Quit menu, and the stage in the tooltip', () => {
    const { service, trays, tray } = setup();
    service.start();
    service.start();
    expect(trays).toHaveLength(1);
    expect(tray().icon).toBe('tray.png');
    expect(tray().menu?.items.map((i) => i.label)).toEqual(['Open', 'Quit']);
    expect(tray().toolTip).toBe('Levqor X \u2014 pre-launch');
    expect(service.isRunning).toBe(true);
  });

  it('Open and a click on the icon show the window; Quit quits', () => {
    const { service, calls, tray, item } = setup();
    service.start();
    item('Open').click();
    for (const listener of tray().clickListeners) listener();
    expect(calls).toEqual({ show: 2, quit: 0 });
    item('Quit').click();
    expect(calls).toEqual({ show: 2, quit: 1 });
  });

  it('updates the tooltip when core says the stage changed', () => {
    const core = createCore({ dataDir: tempDir(), env: {} });
    const { service, tray } = setup(core.stage.current);
    service.start();
    const unsubscribe = service.followStage(core.events);
    core.stage.set('post-launch');
    expect(tray().toolTip).toBe(trayTooltip('post-launch'));
    core.settings.set('logLevel', 'warn'); // other events leave it alone
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch');
    unsubscribe();
    core.stage.set('pre-launch');
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch');
    core.close();
  });

  it('remembers a stage set before the tray exists, and destroys the tray', () => {
    const { service, tray } = setup();
    service.setStage('post-launch');
    service.start();
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch');
    service.destroy();
    expect(tray().destroyed).toBe(true);
    expect(service.isRunning).toBe(false);
  });
});
