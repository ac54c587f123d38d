import type { AreaId } from '../../../../shared/areas';

/** What the first-run checklist reads: each item ticks from the app's real state. */
export interface SetupState {
  monitors: number;
  products: number;
  workflows: number;
  /** A remote Postgres is configured (the database.url secret or LEVQOR_DATABASE_URL). */
  remoteConfigured: boolean;
  /** The launch stage was chosen (stored or set by the environment), not left at its default. */
  stageChosen: boolean;
}

export interface SetupItem {
  id: 'monitor' | 'product' | 'workflow' | 'remote' | 'stage';
  label: string;
  /** What ticked it, or what doing it gives. */
  detail: string;
  done: boolean;
  /** Where it is done: an area, or this page's own "Add a monitor" form. */
  where: { area: AreaId; label: string } | { form: 'monitor'; label: string };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The first-run checklist: five things a new install needs, each ticked from real state and pointing where it is done. */
export function setupChecklist(s: SetupState): SetupItem[] {
  return [
    { id: 'monitor', label: 'Add a monitor', detail: s.monitors > 0 ? `${plural(s.monitors, 'monitor')} watching` : 'the health score needs something to watch', done: s.monitors > 0, where: { form: 'monitor', label: 'Open the monitor form' } },
    { id: 'product', label: 'Draft a product', detail: s.products > 0 ? `${plural(s.products, 'product')} drafted` : 'a spec to compile and launch', done: s.products > 0, where: { area: 'launches', label: 'Open Launches' } },
    { id: 'workflow', label: 'Build a workflow', detail: s.workflows > 0 ? `${plural(s.workflows, 'workflow')} saved` : 'automation that runs on a trigger', done: s.workflows > 0, where: { area: 'workflows', label: 'Open Workflows' } },
    { id: 'remote', label: 'Set the remote Postgres', detail: s.remoteConfigured ? 'configured: telemetry syncs' : 'optional: sync telemetry with your hosted site', done: s.remoteConfigured, where: { area: 'settings', label: 'Open Settings' } },
    { id: 'stage', label: 'Choose the launch stage', detail: s.stageChosen ? 'chosen' : 'still the default, pre-launch', done: s.stageChosen, where: { area: 'settings', label: 'Open Settings' } },
  ];
}
