import type { z } from 'zod';
import { appProcedures, appUpdateEvents } from './app';
import { settingsProcedures } from './settings';
import { secretsProcedures } from './secrets';
import { stageProcedures } from './stage';
import { appEvents } from './events';
import { telemetryProcedures, telemetryEvents } from './telemetry';
import { remoteProcedures, remoteEvents } from './remote';
import { workersProcedures } from './workers';
import { workflowsProcedures, workflowEvents } from './workflows';
import { approvalsProcedures, approvalsEvents } from './approvals';
import { productsProcedures, productsEvents } from './products';
import { guardianProcedures, guardianEvents } from './guardian';
import { sessionsProcedures } from './sessions';
import { notifyProcedures, notifyEvents } from './notify';
import { notifyRuleProcedures } from './notify-rules';
import { backupProcedures, backupEvents } from './backup';
import { backupPageProcedures } from './backup-page';
import { pipelineProcedures, pipelineEvents } from './pipeline';
import { revenueSyncProcedures, revenueSyncEvents } from './revenue-sync';
import { revenueMetricsProcedures } from './revenue-metrics';
import { revenuePackagesProcedures } from './revenue-packages';
import { aiProcedures } from './ai';
import { aiExplainProcedures } from './ai-explain';
import { aiWorkflowProcedures } from './ai-workflow';
import { insightsProcedures } from './insights';
import { templatesProcedures } from './templates';
import { chatProcedures, chatEvents } from './chat';
import { onboardingProcedures } from './onboarding';
import { contentAreaProcedures, contentProcedures, contentSeoProcedures } from './content';
import { costsProcedures, costsEvents } from './costs';
import { governanceProcedures } from './governance';
import { auditProcedures } from './audit';
import { complianceProcedures, complianceEvents } from './compliance';

/**
 * The one contract every transport speaks. Each capability adds its own file of procedures
 * and events and spreads it in here; names are `namespace.method`.
 */
export const procedures = {
  ...appProcedures,
  ...settingsProcedures,
  ...secretsProcedures,
  ...stageProcedures,
  ...telemetryProcedures,
  ...remoteProcedures,
  ...workflowsProcedures,
  ...approvalsProcedures,
  ...productsProcedures,
  ...guardianProcedures,
  ...sessionsProcedures,
  ...notifyProcedures,
  ...notifyRuleProcedures,
  ...backupProcedures,
  ...backupPageProcedures,
  ...pipelineProcedures,
  ...revenueSyncProcedures,
  ...revenueMetricsProcedures,
  ...revenuePackagesProcedures,
  ...aiProcedures,
  ...aiExplainProcedures,
  ...aiWorkflowProcedures,
  ...insightsProcedures,
  ...templatesProcedures,
  ...chatProcedures,
  ...onboardingProcedures,
  ...contentProcedures,
  ...contentSeoProcedures,
  ...contentAreaProcedures,
  ...costsProcedures,
  ...governanceProcedures,
  ...auditProcedures,
  ...complianceProcedures,
  ...workersProcedures,
};

export const events = {
  ...appEvents,
  ...appUpdateEvents,
  ...telemetryEvents,
  ...remoteEvents,
  ...workflowEvents,
  ...approvalsEvents,
  ...productsEvents,
  ...guardianEvents,
  ...notifyEvents,
  ...backupEvents,
  ...pipelineEvents,
  ...revenueSyncEvents,
  ...chatEvents,
  ...costsEvents,
  ...complianceEvents,
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcedureInput<P extends ProcedureName> = z.input<Procedures[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Procedures[P]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** The procedures of one namespace: `ProceduresOf<'stage'>` is `'stage.get' | 'stage.set'`. */
export type ProceduresOf<NS extends Namespace<ProcedureName>> = Extract<ProcedureName, `${NS}.${string}`>;

export const procedureNames = Object.keys(procedures) as ProcedureName[];
export const eventNames = Object.keys(events) as EventName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(procedures, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
type Method<N extends string, NS extends string> = N extends `${NS}.${infer M}` ? M : never;
type Call<P extends ProcedureName> = (
  ...args: {} extends ProcedureInput<P> ? [input?: ProcedureInput<P>] : [input: ProcedureInput<P>]
) => Promise<ProcedureOutput<P>>;

/** The typed object over some procedures: `api.stage.set({ stage })`, `api.on('stage.changed', cb)`. */
export type ApiOf<N extends ProcedureName> = {
  [NS in Namespace<N>]: { [P in N as Method<P, NS>]: Call<P> };
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The whole API, as the CLI and `levqor serve` speak it. */
export type LevqorApi = ApiOf<ProcedureName>;

/** A transport moves one call or one event stream; `buildApi` gives it the typed shape. */
export interface Transport {
  call(name: ProcedureName, input: unknown): Promise<unknown>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

/** The typed API over `transport`: every procedure, or only `names` (and `on`) when given. */
export function buildApi(transport: Transport): LevqorApi;
export function buildApi<N extends ProcedureName>(transport: Transport, names: readonly N[]): ApiOf<N>;
export function buildApi(transport: Transport, names: readonly ProcedureName[] = procedureNames): unknown {
  const api: Record<string, unknown> = {};
  for (const name of names) {
    const [ns, method] = name.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[method] = (input?: unknown) => transport.call(name, input ?? {});
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | undefined;
  api.on = (name: string, listener: (payload: unknown) => void) => {
    if (!isEventName(name)) throw new Error(`Unknown event: ${name}`);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    unsubscribe ??= transport.subscribe((eventName, payload) => {
      for (const l of listeners.get(eventName) ?? []) l(payload);
    });
    return () => {
      set.delete(listener);
    };
  };
  return api;
}

export * from './errors';
export * from './renderer-procedures';
export type { CallTransport, ProcedureDef, EventDef } from './procedure';
