import { randomUUID } from 'node:crypto';
import { apiErrorFromZod, isProcedureName, procedures, type ApiError, type ProcedureDef, type ProcedureName } from '../../shared/contract';
import { CoreError, type Core } from '../core';
import type { Logger } from '../core/logger';
import type { CallContext, Handler, HandlerMap } from './handler';
import { appHandlers } from './handlers/app';
import { settingsHandlers } from './handlers/settings';
import { secretsHandlers } from './handlers/secrets';
import { stageHandlers } from './handlers/stage';
import { telemetryHandlers } from './handlers/telemetry';
import { remoteHandlers } from './handlers/remote';
import { workersHandlers } from './handlers/workers';
import { productsHandlers } from './handlers/products';
import { workflowsHandlers } from './handlers/workflows';
import { runsHandlers } from './handlers/runs';
import { approvalsHandlers } from './handlers/approvals';
import { scheduleHandlers } from './handlers/schedule';
import { guardianHandlers } from './handlers/guardian';
import { sessionsHandlers } from './handlers/sessions';
import { notifyHandlers } from './handlers/notify';
import { backupHandlers } from './handlers/backup';
import { pipelineHandlers } from './handlers/pipeline';
import { revenueSyncHandlers } from './handlers/revenue-sync';
import { revenueMetricsHandlers } from './handlers/revenue-metrics';
import { revenuePackagesHandlers } from './handlers/revenue-packages';
import { aiHandlers } from './handlers/ai';
import { insightsHandlers } from './handlers/insights';
import { contentHandlers } from './handlers/content';
import { templatesHandlers } from './handlers/templates';
import { chatHandlers } from './handlers/chat';
import { onboardingHandlers } from './handlers/onboarding';
import { costsHandlers } from './handlers/costs';
import { governanceHandlers } from './handlers/governance';
import { auditHandlers } from './handlers/audit';
import { complianceHandlers } from './handlers/compliance';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

export interface Dispatcher {
  call(name: string, input: unknown, ctx?: Partial<CallContext>): Promise<CallResult>;
}

/**
 * The one place a procedure is run: name checked, input parsed by the contract, handler
 * called, output checked by the contract. Every transport (IPC, HTTP, CLI) comes through here.
 */
export function createDispatcher(core: Core): Dispatcher {
  const handlers: HandlerMap<ProcedureName> = {
    ...appHandlers(core),
    ...settingsHandlers(core),
    ...secretsHandlers(core),
    ...stageHandlers(core),
    ...telemetryHandlers(core),
    ...remoteHandlers(core),
    ...workersHandlers(core),
    ...productsHandlers(core),
    ...workflowsHandlers(core),
    ...runsHandlers(core),
    ...approvalsHandlers(core),
    ...scheduleHandlers(core),
    ...guardianHandlers(core),
    ...sessionsHandlers(core),
    ...notifyHandlers(core),
    ...backupHandlers(core),
    ...pipelineHandlers(core),
    ...revenueSyncHandlers(core),
    ...revenueMetricsHandlers(core),
    ...revenuePackagesHandlers(core),
    ...aiHandlers(core),
    ...insightsHandlers(core),
    ...contentHandlers(core),
    ...templatesHandlers(core),
    ...chatHandlers(core),
    ...onboardingHandlers(core),
    ...costsHandlers(core),
    ...governanceHandlers(core),
    ...auditHandlers(core),
    ...complianceHandlers(core),
  };

  return {
    async call(name, rawInput, partialCtx) {
      const ctx: CallContext = {
        requestId: partialCtx?.requestId ?? randomUUID(),
        transport: partialCtx?.transport ?? 'cli',
        ...(partialCtx?.sessionId ? { sessionId: partialCtx.sessionId } : {}),
      };
      // made only when a line is written: most calls succeed below the debug level (webhooks, ingest)
      let child: Logger | undefined;
      const log = () => (child ??= core.log.child({ reqId: ctx.requestId, procedure: name, transport: ctx.transport }));
      const started = performance.now();
      const finish = (result: CallResult): CallResult => {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        if (result.ok) {
          if (core.log.isLevelEnabled('debug')) log().debug({ ms }, 'call ok');
        } else if (result.error.code === 'INTERNAL') log().error({ ms, code: result.error.code }, 'call failed');
        else log().info({ ms, code: result.error.code, field: result.error.field }, 'call rejected');
        return result;
      };

      if (!isProcedureName(name)) {
        return finish({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `Unknown procedure "${name}"` } });
      }
      const def: ProcedureDef = procedures[name];
      const refusal = refuseTransport(name, def, ctx) ?? refuseLocalPaths(def, rawInput, ctx);
      if (refusal) return finish({ ok: false, error: refusal });
      const input = def.input.safeParse(rawInput ?? {});
      if (!input.success) return finish({ ok: false, error: apiErrorFromZod(input.error) });

      let value: unknown;
      try {
        value = await (handlers[name] as Handler<ProcedureName>)(input.data as never, ctx);
      } catch (err) {
        if (err instanceof CoreError) return finish({ ok: false, error: err.toApiError() });
        log().error({ err }, 'handler threw');
        return finish({ ok: false, error: internal(ctx) });
      }
      const output = def.output.safeParse(value);
      if (!output.success) {
        log().error({ issues: output.error.issues.slice(0, 3) }, 'handler output breaks the contract');
        return finish({ ok: false, error: internal(ctx) });
      }
      return finish({ ok: true, value: output.data });
    },
  };
}

/** A procedure that names its transports (ProcedureDef.transports) is refused on any other. */
function refuseTransport(name: ProcedureName, def: ProcedureDef, ctx: CallContext): ApiError | undefined {
  if (!def.transports || def.transports.includes(ctx.transport)) return undefined;
  return { code: 'FORBIDDEN', message: `"${name}" cannot be called over ${ctx.transport}, only over ${def.transports.join(' or ')}`, field: 'procedure' };
}

/** A file or folder of this machine is named only from the command line (ProcedureDef.localPaths). */
function refuseLocalPaths(def: ProcedureDef, input: unknown, ctx: CallContext): ApiError | undefined {
  if (ctx.transport === 'cli' || !def.localPaths || input === null || typeof input !== 'object') return undefined;
  const field = def.localPaths.find((key) => (input as Record<string, unknown>)[key] !== undefined);
  if (field === undefined) return undefined;
  return { code: 'FORBIDDEN', message: `${field}: files on this machine are named only from the levqor command line; send the content itself instead`, field };
}

function internal(ctx: CallContext): ApiError {
  return { code: 'INTERNAL', message: `Something went wrong (request ${ctx.requestId}); the log in the data dir has the details` };
}
