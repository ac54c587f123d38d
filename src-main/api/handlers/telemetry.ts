import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const telemetryHandlers = (core: Core) =>
  ({
    'telemetry.ingest': ({ body, path }, ctx) => {
      if (path !== undefined) return core.telemetry.ingestFile(path);
      return core.telemetry.ingestText(body ?? '', ctx.transport === 'http' ? 'http' : 'api');
    },
    'telemetry.query': (q) => core.telemetry.query(q),
    'telemetry.groups': (q) => ({ groups: core.telemetry.groups(q) }),
    'telemetry.series': (q) => core.telemetry.series(q),
    'telemetry.detect': () => ({ anomalies: core.telemetry.detect() }),
    'telemetry.anomalies': (q) => ({ anomalies: core.telemetry.anomalies(q) }),
    'telemetry.report': ({ date }) => core.telemetry.report(date),
    'telemetry.sync': () => core.telemetry.sync(),
    'telemetry.cancelSync': () => ({ cancelled: core.telemetry.cancelSync() }),
    'telemetry.prune': () => core.telemetry.prune(),
  }) satisfies HandlerMap<ProceduresOf<'telemetry'>>;
