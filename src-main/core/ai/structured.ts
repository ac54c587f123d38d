import { z } from 'zod';
import { CoreError } from '../errors';
import type { AiMessage, AiRequest, AiService } from './ai-service';

/** How many times a wrong answer is sent back with what was wrong before the call fails. */
export const maxRepairTurns = 2;

/** A zod schema as the JSON Schema that response_format json_schema carries (strict mode: closed objects). */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * A check of an answer that already fits the schema, for what JSON Schema cannot say (a workflow
 * the engine's own validator refuses): its problems, one per entry; none when the answer is right.
 */
export type AnswerCheck<T> = (value: T) => string[];

/** What is wrong with `text` as an answer of `schema` (then of `check`), one problem a line; the value when nothing is. */
export function checkAnswer<T>(schema: z.ZodType<T>, text: string, check?: AnswerCheck<T>): { ok: true; value: T } | { ok: false; problems: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) return { ok: false, problems: checked.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(the answer)'}: ${i.message}`).join('\n') };
  const more = check?.(checked.data) ?? [];
  return more.length === 0 ? { ok: true, value: checked.data } : { ok: false, problems: more.join('\n') };
}

/**
 * An answer that is data: asked with response_format json_schema (strict) built from `schema`,
 * validated again here (and by `check` when given), and sent back at most twice with the
 * problems found; still wrong after that, a clear failure (recorded as outcome `invalid`,
 * nothing returned half-done).
 */
export async function askStructured<T>(ai: AiService, request: AiRequest, name: string, schema: z.ZodType<T>, check?: AnswerCheck<T>): Promise<T> {
  const responseFormat = { type: 'json_schema' as const, json_schema: { name, schema: responseJsonSchema(schema), strict: true } };
  const messages: AiMessage[] = [...request.messages];
  let problems = '';
  for (let turn = 0; turn <= maxRepairTurns; turn++) {
    const text = await ai.complete({ ...request, messages }, { response_format: responseFormat });
    const answer = checkAnswer(schema, text, check);
    if (answer.ok) return answer.value;
    problems = answer.problems;
    messages.push({ role: 'assistant', content: text }, { role: 'user', content: `That answer does not fit the schema ${name}:\n${problems}\nAnswer again with only JSON that fits it.` });
  }
  ai.markInvalid(request.feature, problems);
  throw new CoreError('UNAVAILABLE', `The AI model gave an answer that does not fit ${name} after ${maxRepairTurns} repair turns: ${problems.split('\n')[0]}`);
}
