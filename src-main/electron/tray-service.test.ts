import { afterEach, describe, expect, it } from 'vitest';
import type { Approval } from '../../shared/contract/approvals';
import { createDispatcher } from '../api/dispatcher';
import { dispatcherCall } from '../../tests/helpers/dispatcher-call';
import { testCore, type TestCore } from '../../tests/helpers/workflows/core';
import { chain } from '../../tests/helpers/workflows/documents';
import { clockTime } from './tray-menu';
import { TrayService, type TrayLike, type TrayMenuItem, type TrayServiceOptions } from './tray-service';
import { trayHealth, type TrayState } from './tray-state';

/** Hand-written stand-ins for Electron's Tray, Menu and nativeImage (an icon is its file name). */
class FakeTray implements TrayLike<string, FakeMenu> {
  toolTip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  readonly clickListeners: Array<() => void> = [];
  constructor(public icon: string) {}
  setImage(icon: string) {
    this.icon = icon;
  }
  setTitle(title: string) {
    this.title = title;
  }
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

type Extra = Partial<Pick<TrayServiceOptions<string, FakeMenu>, 'runBriefing' | 'pauseAlerts' | 'showsTitle' | 'now' | 'onError'>>;

function setup(stage: 'pre-launch' | 'post-launch' = 'pre-launch', extra: Extra = {}) {
  const calls = { show: 0, quit: 0, opened: [] as string[] };
  const trays: FakeTray[] = [];
  const service = new TrayService<string, FakeMenu>(
    {
      loadIcon: (file) => file,
      createTray: (icon) => {
        const tray = new FakeTray(icon);
        trays.push(tray);
        return tray;
      },
      buildMenu: (items) => ({ items }),
      showWindow: () => void calls.show++,
      openInWindow: (hash) => void calls.opened.push(hash),
      quit: () => void calls.quit++,
      ...extra,
    },
    stage,
  );
  const tray = () => {
    const t = trays[0];
    if (!t) throw new Error('no tray created');
    return t;
  };
  const labels = () => tray().menu?.items.map((i) => i.label ?? '---') ?? [];
  const item = (label: string) => {
    const found = tray().menu?.items.find((i) => i.label === label);
    if (!found?.click) throw new Error(`no clickable menu item ${label}`);
    return found as TrayMenuItem & { click: () => void };
  };
  return { service, calls, trays, tray, labels, item };
}

const healthy = trayHealth({ score: 96, verdict: 'healthy' }, [{ state: 'UP' }]);
const pending = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, title: `Weekly report \u203a post ${i + 1}` }));

let t: TestCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('TrayService', () => {
  it('creates one tray with the plain icon, an Open and Quit menu, and the stage in the tooltip', () => {
    const { service, trays, tray, labels } = setup();
    service.start();
    service.start();
    expect(trays).toHaveLength(1);
    expect(tray().icon).toBe('tray.png');
    expect(labels()).toEqual(['Health score: reading\u2026', '---', 'Open', 'Quit']);
    expect(tray().toolTip).toBe('Levqor X \u2014 pre-launch');
    expect(service.isRunning).toBe(true);
  });

  it('Open and a click on the icon show the window; Quit quits', () => {
    const { service, calls, tray, item } = setup();
    service.start();
    item('Open').click();
    for (const listener of tray().clickListeners) listener();
    expect(calls).toMatchObject({ show: 2, quit: 0 });
    item('Quit').click();
    expect(calls).toMatchObject({ show: 2, quit: 1 });
  });

  it.each([
    ['healthy', { score: 96, verdict: 'healthy' }, 'UP', 'Health score: 96 (healthy)'],
    ['warning', { score: 81, verdict: 'needs_attention' }, 'UP', 'Health score: 81 (warning)'],
    ['warning', { score: 100, verdict: 'not_enough_data' }, 'UP', 'Health score: nothing monitored yet'],
    ['down', { score: 55, verdict: 'unhealthy' }, 'UP', 'Health score: 55 (down)'],
    ['down', { score: 92, verdict: 'healthy' }, 'DOWN', 'Health score: 92 (down)'],
  ] as const)('draws the %s icon for a %o score with a monitor %s', (level, score, monitor, words) => {
    const { service, tray, labels } = setup();
    service.start();
    service.update({ health: trayHealth(score, [{ state: monitor }]) });
    expect(tray().icon).toBe(`tray-${level}.png`);
    expect(labels()[0]).toBe(words);
    expect(tray().toolTip).toBe(`Levqor X \u2014 pre-launch \u00b7 ${words}`);
    service.update({ pending: pending(1) });
    expect(tray().icon).toBe(`tray-${level}-badge.png`);
  });

  it('lists the approvals waiting, ten at most, and opens each at its own hash', () => {
    const { service, calls, tray, labels, item } = setup('post-launch', { showsTitle: true });
    service.start();
    service.update({ health: healthy, pending: pending(12) });
    expect(labels().slice(0, 13)).toEqual(['Approvals waiting (12)', ...pending(10).map((a) => a.title), '2 more\u2026', '---']);
    expect(tray().title).toBe('12');
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch \u00b7 Health score: 96 (healthy) \u00b7 12 approvals waiting');
    item('Weekly report \u203a post 3').click();
    item('2 more\u2026').click();
    expect(calls.opened).toEqual(['#/approvals?id=a3', '#/approvals']);
    service.update({ pending: [] });
    expect(tray().title).toBe('');
    expect(labels()[0]).toBe('Health score: 96 (healthy)');
  });

  it('leaves out Run briefing and Pause alerts when their callbacks are not given', () => {
    const { service, labels } = setup();
    service.start();
    service.update({ health: healthy });
    expect(labels()).toEqual(['Health score: 96 (healthy)', '---', 'Open', 'Quit']);
  });

  it('Run briefing now calls back once and says so while it runs', async () => {
    let finish: () => void = () => {};
    const runs: number[] = [];
    const { service, labels, item } = setup('pre-launch', {
      runBriefing: () => new Promise<void>((resolve) => {
        runs.push(1);
        finish = resolve;
      }),
    });
    service.start();
    item('Run briefing now').click();
    expect(labels()).toContain('Running briefing\u2026');
    expect(service.state.briefingRunning).toBe(true);
    finish();
    await new Promise((r) => setImmediate(r));
    expect(labels()).toContain('Run briefing now');
    expect(runs).toHaveLength(1);
  });

  it('a briefing that fails is reported and the item comes back', async () => {
    const errors: unknown[] = [];
    const { service, labels, item } = setup('pre-launch', { runBriefing: () => Promise.reject(new Error('Telegram said 401')), onError: (e) => void errors.push(e) });
    service.start();
    item('Run briefing now').click();
    await new Promise((r) => setImmediate(r));
    expect(errors).toEqual([new Error('Telegram said 401')]);
    expect(labels()).toContain('Run briefing now');
  });

  it('Pause alerts for 1 h pauses until an hour from now, shows until when, and Resume ends it', () => {
    let now = Date.UTC(2026, 0, 5, 8, 0, 0);
    const paused: Array<number | null> = [];
    const { service, labels, item } = setup('pre-launch', { pauseAlerts: (until) => void paused.push(until), now: () => now });
    service.start();
    item('Pause alerts for 1 h').click();
    const until = now + 3_600_000;
    const label = `Alerts paused until ${clockTime(until)} \u2014 Resume`;
    expect(paused).toEqual([until]);
    expect(service.state.pausedUntil).toBe(until);
    expect(labels()).toContain(label);
    item(label).click();
    expect(paused).toEqual([until, null]);
    expect(labels()).toContain('Pause alerts for 1 h');

    // a pause set from elsewhere (the outbox) shows, and once it is over the item offers a new one
    service.update({ pausedUntil: now + 60_000 });
    expect(labels()).toContain(`Alerts paused until ${clockTime(now + 60_000)} \u2014 Resume`);
    now += 61_000;
    service.render();
    expect(labels()).toContain('Pause alerts for 1 h');
    service.destroy();
  });

  it('follows a real core: stage, health and a badge that counts real approval events', async () => {
    t = testCore({ stage: null });
    const call = dispatcherCall(createDispatcher(t.core));
    const gate = chain([{ id: 'gate', type: 'approval', params: { message: 'Publish?' } }], { name: 'Publish' });
    const first = await call('workflows.run', { workflow: gate, wait: true });
    const { service, calls, tray, labels, item } = setup(t.core.stage.current, { showsTitle: true });
    service.start();
    const unsubscribe = service.follow(t.core);
    // nothing is monitored yet: the founder has something to set up, so not green
    expect(service.state.health).toEqual({ level: 'warning', score: expect.any(Number), verdict: 'not_enough_data' });
    expect(tray().icon).toBe('tray-warning-badge.png');
    expect(tray().title).toBe('1');

    await call('workflows.run', { workflow: gate, wait: true });
    expect(tray().title).toBe('2');
    const waiting: Approval[] = (await call('approvals.list', { status: 'pending' })).approvals;
    const mine = waiting.find((a: Approval) => a.runId === first.runId);
    if (!mine) throw new Error('no approval for the first run');
    expect(labels()[0]).toBe('Approvals waiting (2)');
    item(labels()[1]!).click();
    expect(calls.opened).toEqual([`#/approvals?id=${mine.id}`]);

    await call('approvals.approve', { id: mine.id });
    expect(tray().title).toBe('1');
    expect(service.state.pending?.map((a) => a.id)).toEqual(waiting.filter((a: Approval) => a !== mine).map((a: Approval) => a.id));
    await call('approvals.reject', { id: service.state.pending![0]!.id });
    expect(tray().title).toBe('');
    expect(tray().icon).toBe('tray-warning.png');

    await call('stage.set', { stage: 'post-launch' });
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch \u00b7 Health score: nothing monitored yet');
    unsubscribe();
    await call('stage.set', { stage: 'pre-launch' });
    expect(tray().toolTip).toContain('post-launch');

    // a pause of alerts made elsewhere (here: the API the CLI and the Alerts area use) shows when the tray binds the core
    const { pausedUntil } = await call('notify.pause', { minutes: 30 });
    service.follow(t.core)();
    expect(service.state.pausedUntil).toBe(pausedUntil);
  });

  it('remembers state set before the tray exists, and destroys the tray', () => {
    const { service, tray } = setup();
    service.update({ stage: 'post-launch' } satisfies Partial<TrayState>);
    service.start();
    expect(tray().toolTip).toBe('Levqor X \u2014 post-launch');
    service.destroy();
    expect(tray().destroyed).toBe(true);
    expect(service.isRunning).toBe(false);
  });
});
