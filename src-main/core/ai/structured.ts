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

/** What is wrong with `text` as an answer of `schema`, one problem a line; the value when nothing is. */
export function checkAnswer<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; problems: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const checked = schema.safeParse(parsed);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, problems: checked.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(the answer)'}: ${i.message}`).join('\n') };
}

/**
 * An answer that is data: asked with response_format json_schema (strict) built from `schema`,
 * validated again here, and sent back at most twice with the validator's problems; still wrong
 * after that, a clear failure (recorded as outcome `invalid`, nothing returned half-done).
 */
export async function askStructured<T>(ai: AiService, request: AiRequest, name: string, schema: z.ZodType<T>): Promise<T> {
  const responseFormat = { type: 'json_schema' as const, json_schema: { name, schema: responseJsonSchema(schema), strict: true } };
  const messages: AiMessage[] = [...request.messages];
  let problems = '';
  for (let turn = 0; turn <= maxRepairTurns; turn++) {
    const text = await ai.complete({ ...request, messages }, { response_format: responseFormat });
    const answer = checkAnswer(schema, text);
    if (answer.ok) return answer.value;
    problems = answer.problems;
    messages.push({ role: 'assistant', content: text }, { role: 'user', content: `That answer does not fit the schema ${name}:\n${problems}\nAnswer again with only JSON that fits it.` });
  }
  ai.markInvalid(request.feature, problems);
  throw new CoreError('UNAVAILABLE', `The AI model gave an answer that does not fit ${name} after ${maxRepairTurns} repair turns: ${problems.split('\n')[0]}`);
}
