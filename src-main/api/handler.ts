import type { z } from 'zod';
import type { CallTransport, ProcedureName, ProcedureOutput, Procedures } from '../../shared/contract';

export interface CallContext {
  requestId: string;
  transport: CallTransport;
  /** The browser session an HTTP call came with (none for the access token, IPC or the CLI). */
  sessionId?: string;
}

/** A procedure's implementation: gets the parsed input, returns (or resolves to) the output. */
export type Handler<P extends ProcedureName> = (
  input: z.output<Procedures[P]['input']>,
  ctx: CallContext,
) => ProcedureOutput<P> | Promise<ProcedureOutput<P>>;

export type HandlerMap<P extends ProcedureName> = { [K in P]: Handler<K> };
