import type { ChatAction, ChatHistoryMessage } from '../../../../shared/contract/chat';
import type { AiMessage, AiService } from '../../ai';
import { runTool, toolSpec, type ChatTool } from './chat-tool';
import type { ChatSources } from './sources';

/** How many times one turn may go model → tools → model before the model must answer with what it has. */
export const maxToolRounds = 4;

const systemPrompt = [
  'You are the assistant inside Levqor X Control Center, the founder\u2019s desktop app for their one-person business.',
  'Answer from the app\u2019s own data: call the tools to read it and cite the numbers they give; never invent a figure.',
  'You only read. You never act. When an action would help, call suggest_link so the founder gets a button to the screen where they decide.',
  'Keep answers short.',
].join(' ');

export interface ChatTurnRequest {
  history: readonly ChatHistoryMessage[];
  message: string;
  signal?: AbortSignal;
  /** Each piece of answer text as the model streams it. */
  onDelta?: (text: string) => void;
  /** Each tool the model reads, as it is read. */
  onTool?: (name: string) => void;
}

export interface ChatTurnAnswer {
  answer: string;
  actions: ChatAction[];
  /** The tools read, each once, in the order first read. */
  tools: string[];
}

/**
 * One chat turn: the conversation and the new message go to the model with the tools; each round
 * of tool calls is run here and answered with `tool` messages, until the model answers in text.
 * After `maxToolRounds` rounds the tools are no longer offered, so the model must answer.
 */
export async function runChatTurn(ai: AiService, sources: ChatSources, tools: readonly ChatTool[], request: ChatTurnRequest): Promise<ChatTurnAnswer> {
  const messages: AiMessage[] = [{ role: 'system', content: systemPrompt }, ...request.history, { role: 'user', content: request.message }];
  const actions: ChatAction[] = [];
  const used: string[] = [];
  const ctx = { sources, propose: (action: ChatAction) => void (actions.some((a) => a.href === action.href) || actions.push(action)) };
  const specs = tools.map(toolSpec);
  let answer = '';
  for (let round = 0; ; round++) {
    const offered = round < maxToolRounds ? specs : [];
    let text = '';
    let asked: { id: string; name: string; arguments: string }[] = [];
    for await (const part of ai.streamParts({ feature: 'chat', messages, tools: offered, ...(request.signal ? { signal: request.signal } : {}) })) {
      if (part.kind === 'text') {
        text += part.text;
        request.onDelta?.(part.text);
      } else asked = part.calls;
    }
    answer += text;
    if (asked.length === 0 || offered.length === 0) break;
    messages.push({ role: 'assistant', content: text, toolCalls: asked });
    for (const call of asked) {
      if (!used.includes(call.name)) used.push(call.name);
      request.onTool?.(call.name);
      messages.push({ role: 'tool', toolCallId: call.id, content: JSON.stringify(runTool(tools, call.name, call.arguments, ctx)) });
    }
  }
  return { answer, actions, tools: used };
}
