import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { redact } from './redact';

/** A function the model asked to have run: its id (echoed back on the tool's answer), name and JSON arguments. */
export interface AiToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * One message of a conversation. An assistant turn may carry the tool calls the model asked for;
 * a `tool` message is the answer to one of them, the data the model then cites.
 */
export type AiMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: readonly AiToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A read-only function the model may ask for, described by JSON Schema (OpenAI function calling). */
export interface AiToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/**
 * The messages as the wire carries them, every text redacted: contents, tool results and the
 * arguments the model wrote (a tool call echoes what the model saw, which may quote the founder).
 */
export function toWireMessages(messages: readonly AiMessage[], secrets: readonly string[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    const content = redact(m.content, secrets);
    if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId, content };
    if (m.role === 'assistant' && m.toolCalls?.length) {
      return { role: 'assistant', content, tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: redact(c.arguments, secrets) } })) };
    }
    return { role: m.role, content };
  });
}

/** What a message contributes to the outgoing text (the budget's estimate). */
export function wireText(message: ChatCompletionMessageParam): string {
  const calls = 'tool_calls' in message && message.tool_calls ? message.tool_calls.map((c) => (c.type === 'function' ? `${c.function.name}${c.function.arguments}` : '')).join('\n') : '';
  return `${typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? '')}${calls}`;
}
