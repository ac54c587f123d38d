import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import { command, readPositionals, type CliContext, type Command, type OptionSpec, type ParsedArgs } from './command';

/** Which input field each positional fills, in order, and the name a usage error gives it: `{ id: 'ID' }`. */
type PositionalFields = Record<string, string>;

/** The positionals as given, by field. */
export type GivenPositionals<F extends PositionalFields> = { [K in keyof F]: string };

/** What printing gets besides the output: the positionals by field, and the context. */
export interface Call<G> {
  positionals: G;
  ctx: CliContext;
}

type InputOf<P extends ProcedureName, F extends PositionalFields> = (
  positionals: GivenPositionals<F>,
  values: ParsedArgs['values'],
  ctx: CliContext,
) => ProcedureInput<P> | Promise<ProcedureInput<P>>;

/** Where the positionals alone are the procedure's input, `input` may be left out. */
type InputPart<P extends ProcedureName, F extends PositionalFields> =
  GivenPositionals<F> extends ProcedureInput<P> ? { /** The procedure's input (default: the positionals). */ input?: InputOf<P, F> } : { input: InputOf<P, F> };

/** Most commands print the output as JSON under --json, else as `show` words it; a few print it their own way. */
type PrintPart<P extends ProcedureName, F extends PositionalFields> =
  | {
      /** What --json prints (default: the output as it is). */
      json?(output: ProcedureOutput<P>): unknown;
      /** The human text. */
      show(output: ProcedureOutput<P>, call: Call<GivenPositionals<F>>): string;
      print?: never;
    }
  | { print(output: ProcedureOutput<P>, call: Call<GivenPositionals<F>>): void; json?: never; show?: never };

export type ProcedureCommandSpec<P extends ProcedureName, F extends PositionalFields> = {
  usage: string;
  /** The usage a wrong positional's error quotes (default: the usage before its options). */
  usageHint?: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  /** The positionals, every one required. */
  positionals?: F;
  /** The exit code the output means (default 0). */
  exitCode?(output: ProcedureOutput<P>): number;
} & InputPart<P, F> &
  PrintPart<P, F>;

function usageBeforeOptions(usage: string): string {
  const at = usage.search(/ \[?--/);
  return at === -1 ? usage : usage.slice(0, at);
}

/** A command that is one call of `procedure`: its positionals and options make the input, and it prints the output. */
export function procedureCommand<P extends ProcedureName, const F extends PositionalFields = {}>(procedure: P, spec: ProcedureCommandSpec<P, F>): Command {
  const fields = Object.keys(spec.positionals ?? {});
  const input: InputOf<P, F> = spec.input ?? ((positionals) => positionals as ProcedureInput<P>);
  const { usage, summary, options } = spec;
  return command({
    usage,
    summary,
    ...(options ? { options } : {}),
    async run(ctx, args) {
      const given = readPositionals(args, Object.values(spec.positionals ?? {}), spec.usageHint ?? usageBeforeOptions(usage));
      const positionals = Object.fromEntries(fields.map((field, i) => [field, given[i]])) as GivenPositionals<F>;
      const output = await ctx.call(procedure, await input(positionals, args.values, ctx));
      if (spec.print) spec.print(output, { positionals, ctx });
      else ctx.print(spec.json ? spec.json(output) : output, () => spec.show(output, { positionals, ctx }));
      return spec.exitCode?.(output);
    },
  });
}
