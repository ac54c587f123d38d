import type { LaunchStage } from '../../shared/stage';
import type { EventBus } from '../core/event-bus';

export interface TrayMenuItem {
  label: string;
  click: () => void;
}

/** The part of Electron's Tray this service uses. */
export interface TrayLike<Menu> {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** Electron's pieces, injected so the service runs (and is tested) in plain Node. */
export interface TrayServiceOptions<Image, Menu> {
  loadIcon(): Image;
  createTray(icon: Image): TrayLike<Menu>;
  buildMenu(items: TrayMenuItem[]): Menu;
  showWindow(): void;
  quit(): void;
}

export function trayTooltip(stage: LaunchStage): string {
  return `Levqor X \u2014 ${stage}`;
}

/**
 * The tray icon: how the founder gets back to a window hidden on close, sees the launch stage
 * at a glance, and quits for real. Modelled on Signal Desktop's SystemTrayService.
 */
export class TrayService<Image, Menu> {
  private tray: TrayLike<Menu> | undefined;
  private stage: LaunchStage;

  constructor(
    private readonly options: TrayServiceOptions<Image, Menu>,
    initialStage: LaunchStage,
  ) {
    this.stage = initialStage;
  }

  get isRunning(): boolean {
    return this.tray !== undefined;
  }

  get tooltip(): string {
    return trayTooltip(this.stage);
  }

  start(): void {
    if (this.tray) return;
    const tray = this.options.createTray(this.options.loadIcon());
    tray.setContextMenu(
      this.options.buildMenu([
        { label: 'Open', click: () => this.options.showWindow() },
        { label: 'Quit', click: () => this.options.quit() },
      ]),
    );
    // Windows and macOS raise the window on a plain click; Linux indicators only offer the menu
    tray.on('click', () => this.options.showWindow());
    tray.setToolTip(this.tooltip);
    this.tray = tray;
  }

  setStage(stage: LaunchStage): void {
    this.stage = stage;
    this.tray?.setToolTip(this.tooltip);
  }

  /** Keeps the tooltip on the current stage; returns the unsubscribe. */
  followStage(events: EventBus): () => void {
    return events.on('stage.changed', (state) => this.setStage(state.stage));
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = undefined;
  }
}
