import type { TrayState } from './tray-state';

/** One entry of the tray's menu; a subset of Electron's MenuItemConstructorOptions. */
export interface TrayMenuItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** What the tray does when the founder picks an entry; only the callbacks given get their entry. */
export interface TrayActions {
  showWindow(): void;
  /** Opens the window at a hash route, e.g. `#/approvals?id=…`. */
  openInWindow(hash: string): void;
  quit(): void;
  runBriefing?: () => void;
  pauseAlerts?: (untilMs: number | null) => void;
}

/** The menu lists this many approvals; the rest are one "more" entry that opens the inbox. */
export const trayApprovalLimit = 10;
export const alertPauseMs = 60 * 60 * 1000;
const separator: TrayMenuItem = { type: 'separator' };

/** The icon file in resources/: the state's colour, with the badge dot while approvals wait. */
export function trayIconFile(state: TrayState): string {
  if (!state.health) return 'tray.png';
  return `tray-${state.health.level}${state.pending?.length ? '-badge' : ''}.png`;
}

/** The count beside the icon (macOS menu bar title); empty with nothing waiting. */
export function trayTitle(state: TrayState): string {
  return state.pending?.length ? String(state.pending.length) : '';
}

/** The tooltip says everything the icon does, in words: stage, health, approvals waiting. */
export function trayTooltip(state: TrayState): string {
  const parts = [`Levqor X \u2014 ${state.stage}`];
  if (state.health) parts.push(healthWords(state));
  const waiting = state.pending?.length ?? 0;
  if (waiting) parts.push(`${waiting} approval${waiting === 1 ? '' : 's'} waiting`);
  return parts.join(' \u00b7 ');
}

export function healthWords({ health }: TrayState): string {
  if (!health) return 'Health score: reading\u2026';
  if (health.verdict === 'not_enough_data') return 'Health score: nothing monitored yet';
  return `Health score: ${health.score} (${health.level})`;
}

/** HH:MM in the machine's time zone, as the founder reads the clock. */
export function clockTime(ms: number): string {
  const at = new Date(ms);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export function isPaused(state: TrayState, now: number): state is TrayState & { pausedUntil: number } {
  return state.pausedUntil !== null && state.pausedUntil > now;
}

/** The whole menu from the state alone: approvals, health, the optional actions, Open and Quit. */
export function trayMenu(state: TrayState, actions: TrayActions, now: number): TrayMenuItem[] {
  return [...approvalItems(state, actions), { label: healthWords(state), enabled: false }, ...actionItems(state, actions, now), separator, { label: 'Open', click: () => actions.showWindow() }, { label: 'Quit', click: () => actions.quit() }];
}

function approvalItems({ pending }: TrayState, actions: TrayActions): TrayMenuItem[] {
  if (!pending?.length) return [];
  const shown = pending.slice(0, trayApprovalLimit).map((a) => ({ label: menuLabel(a.title), click: () => actions.openInWindow(`#/approvals?id=${encodeURIComponent(a.id)}`) }));
  const more = pending.length - shown.length;
  return [
    { label: `Approvals waiting (${pending.length})`, enabled: false },
    ...shown,
    ...(more > 0 ? [{ label: `${more} more\u2026`, click: () => actions.openInWindow('#/approvals') }] : []),
    separator,
  ];
}

function actionItems(state: TrayState, actions: TrayActions, now: number): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const { runBriefing, pauseAlerts } = actions;
  if (runBriefing) items.push(state.briefingRunning ? { label: 'Running briefing\u2026', enabled: false } : { label: 'Run briefing now', click: () => runBriefing() });
  if (pauseAlerts) {
    items.push(
      isPaused(state, now)
        ? { label: `Alerts paused until ${clockTime(state.pausedUntil)} \u2014 Resume`, click: () => pauseAlerts(null) }
        : { label: 'Pause alerts for 1 h', click: () => pauseAlerts(now + alertPauseMs) },
    );
  }
  return items.length ? [separator, ...items] : [];
}

/** Long titles are cut to fit a menu. */
function menuLabel(title: string): string {
  return title.length > 60 ? `${title.slice(0, 59)}\u2026` : title;
}
