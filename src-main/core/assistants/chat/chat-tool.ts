import { z } from 'zod';
import type { ChatAction } from '../../../../shared/contract/chat';
import type { AiToolSpec } from '../../ai';
import type { ChatSources } from './sources';

/** What a tool may use while a turn runs: the read-only sources, and the turn's list of proposed buttons. */
export interface ChatToolContext {
  sources: ChatSources;
  propose(action: ChatAction): void;
}

export interface ChatTool<I = unknown> {
  /** The function name the model calls (snake_case, as OpenAI function names go). */
  name: string;
  /** What the model reads to decide when to call it. */
  description: string;
  input: z.ZodType<I>;
  /** Reads and answers data (JSON) the model may cite; never changes anything. */
  execute(input: I, ctx: ChatToolContext): unknown;
}

/** How many rows a list tool answers: 1–50, `fallback` when the model names none (small answers keep the prompt cheap). */
export function rowLimit(fallback: number) {
  return z.number().int().min(1).max(50).default(fallback);
}

export function defineChatTool<S extends z.ZodType>(tool: { name: string; description: string; input: S; execute(input: z.output<S>, ctx: ChatToolContext): unknown }): ChatTool {
  return tool as unknown as ChatTool;
}

/** The tool as the model is offered it: its input schema as JSON Schema. */
export function toolSpec(tool: ChatTool): AiToolSpec {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, parameters };
}

/**
 * Runs the tool the model asked for with the arguments it wrote. Unknown names and arguments that
 * do not fit come back to the model as an error it can correct (field and rule), never thrown.
 */
export function runTool(tools: readonly ChatTool[], name: string, argumentsJson: string, ctx: ChatToolContext): unknown {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return { error: `no tool named "${name}"; the tools are ${tools.map((t) => t.name).join(', ')}` };
  let raw: unknown;
  try {
    raw = argumentsJson.trim() === '' ? {} : JSON.parse(argumentsJson);
  } catch {
    return { error: 'the arguments are not JSON' };
  }
  const input = tool.input.safeParse(raw);
  if (!input.success) return { error: input.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ') };
  try {
    return tool.execute(input.data, ctx);
  } catch (err) {
    return { error: `could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
