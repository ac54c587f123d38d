import type { Core } from '../../core';
import { badInput } from '../../core/errors';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const sessionsHandlers = (core: Core) =>
  ({
    'sessions.list': (_input, ctx) => ({ sessions: core.sessions.list(ctx.sessionId) }),
    'sessions.revoke': ({ id, current, all }, ctx) => {
      if (all) return { revoked: core.sessions.revoke({ all: true }) };
      if (current) {
        if (!ctx.sessionId) throw badInput('current', 'this call came without a browser session (only a signed-in browser can sign itself out)');
        return { revoked: core.sessions.revoke({ id: ctx.sessionId }) };
      }
      return { revoked: core.sessions.revoke({ id: id! }) };
    },
  }) satisfies HandlerMap<ProceduresOf<'sessions'>>;
