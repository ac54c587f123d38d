import type { Command, OptionSpec } from '../command';

/** A panel command of its own (not an existing `levqor` command under a panel name). */
export interface PanelOwn {
  /** What follows the name in its usage: `SLUG`, `[--send]`. */
  args?: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  run: Command['run'];
}

/** The `levqor` command a panel name runs, by its words (`revenue lead show`), or one of its own. */
export type PanelTarget = string | PanelOwn;
