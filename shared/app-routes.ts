import { areas } from './areas';

/**
 * The hash routes of the app's own screens that a button may open: an area (`#/revenue`), a
 * workflow (`#/workflows/<id>`), one of its runs (`#/workflows/<id>/runs/<runId>`) or a run by its
 * id alone (`#/workflows/runs/<runId>`). The chat assistant's suggested actions must be one of
 * these, so a button can only move within the app, never reach out of it.
 */
const segment = '[A-Za-z0-9._~-]{1,200}';
const routePatterns = [
  new RegExp(`^#/(${areas.map((a) => a.id).join('|')})$`),
  new RegExp(`^#/workflows/${segment}$`),
  new RegExp(`^#/workflows/${segment}/runs/${segment}$`),
  new RegExp(`^#/workflows/runs/${segment}$`),
];

export const appRouteExamples = ['#/guardian', '#/approvals', '#/workflows/<workflowId>', '#/workflows/<workflowId>/runs/<runId>', '#/workflows/runs/<runId>'];

export function isAppRoute(href: string): boolean {
  return routePatterns.some((p) => p.test(href));
}
