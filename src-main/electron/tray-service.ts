import type { Approval } from '../../shared/contract/approvals';
import type { HealthScore, Monitor } from '../../shared/contract/guardian';
import type { LaunchStage } from '../../shared/stage';
import type { EventBus } from '../core/event-bus';
import { isPaused, trayIconFile, trayMenu, trayTitle, trayTooltip, type TrayActions, type TrayMenuItem } from './tray-menu';
import { initialTrayState, trayHealth, withApprovalEvent, type TrayState } from './tray-state';

export type { TrayMenuItem } from './tray-menu';

/** The part of Electron's Tray this service uses. */
export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  /** macOS: text beside the icon in the menu bar. */
  setTitle(title: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** Electron's pieces, injected so the service runs (and is tested) in plain Node. */
export interface TrayServiceOptions<Image, Menu> {
  /** An icon by its file name in resources/ (tray-healthy.png, tray-down-badge.png…). */
  loadIcon(file: string): Image;
  createTray(icon: Image): TrayLike<Image, Menu>;
  buildMenu(items: TrayMenuItem[]): Menu;
  showWindow(): void;
  openInWindow(hash: string): void;
  quit(): void;
  /** macOS puts the approvals count beside the icon; elsewhere the badge dot and the tooltip carry it. */
  showsTitle?: boolean;
  /** "Run briefing now" is in the menu only when this is given. */
  runBriefing?: () => Promise<void>;
  /** "Pause alerts for 1 h" is in the menu only when this is given; null resumes. */
  pauseAlerts?: (untilMs: number | null) => void;
  /** A briefing that failed, to log; the menu item comes back either way. */
  onError?: (err: unknown) => void;
  now?: () => number;
}

/** What the tray reads from core: the stage, the approvals waiting, the Guardian's health. */
export interface TraySource {
  events: EventBus;
  stage: { current: LaunchStage };
  approvals: { list(filter: { status: 'pending'; limit: number }): Approval[] };
  guardian: { score(): HealthScore; list(): Monitor[] };
  /** A pause of alerts set elsewhere (the CLI, the Alerts area, before a restart) shows in the menu too. */
  notify?: { status(): { pausedUntil: number | null } };
}

/** Events after which the Guardian's health is read again (approval events are too: waiting approvals count in the score). */
const healthEvents = ['guardian.monitorChanged', 'guardian.alert', 'guardian.scoreStored'] as const;

/**
 * The tray icon: how the founder gets back to a window hidden on close, sees health and the
 * approvals waiting at a glance, and quits for real. Modelled on Signal Desktop's
 * SystemTrayService: every change goes into one state object and the tray is redrawn from it
 * alone (render), so what it shows never drifts from what is true.
 */
export class TrayService<Image, Menu> {
  private tray: TrayLike<Image, Menu> | undefined;
  private current: TrayState;
  private iconFile: string | undefined;
  private readonly icons = new Map<string, Image>();
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly actions: TrayActions;

  constructor(
    private readonly options: TrayServiceOptions<Image, Menu>,
    initialStage: LaunchStage,
  ) {
    this.current = initialTrayState(initialStage);
    const { runBriefing, pauseAlerts } = options;
    this.actions = {
      showWindow: () => options.showWindow(),
      openInWindow: (hash) => options.openInWindow(hash),
      quit: () => options.quit(),
      ...(runBriefing ? { runBriefing: () => void this.runBriefing(runBriefing) } : {}),
      ...(pauseAlerts
        ? {
            pauseAlerts: (until: number | null) => {
              pauseAlerts(until);
              this.update({ pausedUntil: until });
            },
          }
        : {}),
    };
  }

  get isRunning(): boolean {
    return this.tray !== undefined;
  }

  get state(): Readonly<TrayState> {
    return this.current;
  }

  get tooltip(): string {
    return trayTooltip(this.current);
  }

  start(): void {
    if (this.tray) return;
    this.iconFile = trayIconFile(this.current);
    const tray = this.options.createTray(this.icon(this.iconFile));
    // Windows and macOS raise the window on a plain click; Linux indicators only offer the menu
    tray.on('click', () => this.options.showWindow());
    this.tray = tray;
    this.render();
  }

  /** Changes part of the state and redraws. */
  update(patch: Partial<TrayState>): void {
    this.current = { ...this.current, ...patch };
    this.render();
  }

  /** Draws the tray from the state: icon, count, tooltip, menu. */
  render(): void {
    const tray = this.tray;
    if (!tray) return;
    const state = this.current;
    const now = this.now();
    const file = trayIconFile(state);
    if (file !== this.iconFile) {
      tray.setImage(this.icon(file));
      this.iconFile = file;
    }
    if (this.options.showsTitle) tray.setTitle(trayTitle(state));
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(this.options.buildMenu(trayMenu(state, this.actions, now)));
    this.redrawWhenPauseEnds(state, now);
  }

  /** Reads the stage, approvals and health from core and follows its events; returns the unsubscribe. */
  follow(source: TraySource): () => void {
    const readHealth = () => trayHealth(source.guardian.score(), source.guardian.list());
    const pending = source.approvals.list({ status: 'pending', limit: 1000 }).reverse();
    this.update({ stage: source.stage.current, pending: pending.map((a) => ({ id: a.id, title: a.subject.title })), health: readHealth(), ...(source.notify ? { pausedUntil: source.notify.status().pausedUntil } : {}) });
    const onApproval = (approval: Approval) => this.update({ pending: withApprovalEvent(this.current.pending ?? [], approval), health: readHealth() });
    const unsubscribes = [
      source.events.on('stage.changed', (s) => this.update({ stage: s.stage })),
      source.events.on('approval.requested', onApproval),
      source.events.on('approval.decided', onApproval),
      ...healthEvents.map((e) => source.events.on(e, () => this.update({ health: readHealth() }))),
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }

  destroy(): void {
    clearTimeout(this.pauseTimer);
    this.tray?.destroy();
    this.tray = undefined;
  }

  private async runBriefing(run: () => Promise<void>): Promise<void> {
    this.update({ briefingRunning: true });
    try {
      await run();
    } catch (err) {
      this.options.onError?.(err);
    } finally {
      this.update({ briefingRunning: false });
    }
  }

  /** "Alerts paused until HH:MM" turns back into "Pause alerts for 1 h" when the hour is up. */
  private redrawWhenPauseEnds(state: TrayState, now: number): void {
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    if (!isPaused(state, now)) return;
    this.pauseTimer = setTimeout(() => this.render(), state.pausedUntil - now + 1);
    this.pauseTimer.unref?.();
  }

  private icon(file: string): Image {
    let image = this.icons.get(file);
    if (image === undefined) {
      image = this.options.loadIcon(file);
      this.icons.set(file, image);
    }
    return image;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
