/**
 * The model as the workflow step ai.generate reaches it: createCore hands this port over (made
 * from core.ai, feature `generate`), so the engine never imports the AI capability. A failure is
 * a CoreError carrying the model layer's one line (no key, feature off, budget used up, …).
 */
export interface AiGeneratePort {
  /** The model's answer to `prompt`, as text. */
  text(prompt: string, signal: AbortSignal): Promise<string>;
  /** The model's answer as JSON that fits `schema` (a JSON Schema), checked here, with at most two repair turns. */
  json(prompt: string, schema: Record<string, unknown>, signal: AbortSignal): Promise<unknown>;
}
