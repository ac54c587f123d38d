import type { z } from 'zod';

/** One callable of the API: a dotted `namespace.method` name bound to an input and an output schema. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One sentence for the CLI help and the README. */
  summary: string;
  /**
   * Input fields that name a file or folder on this machine. Only the `levqor` command line
   * may give them: over HTTP or IPC the caller is a page, and a page must not read the disk.
   */
  localPaths?: readonly string[];
  /**
   * The only transports that may call it; every transport when absent. A procedure behind
   * one of the server's own routes (a webhook delivery) says `['http']`: the CLI and the
   * desktop window never reach it.
   */
  transports?: readonly CallTransport[];
}

/** How a call reached the dispatcher. */
export type CallTransport = 'ipc' | 'http' | 'cli';

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}
