import type { ChatHistoryMessage } from '../../../../shared/contract/chat';
import type { AiService } from '../../ai';
import { CoreError } from '../../errors';
import type { EventBus } from '../../event-bus';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import type { ChatTool } from './chat-tool';
import { runChatTurn, type ChatTurnAnswer, type ChatTurnRequest } from './chat-turn';
import type { ChatSources } from './sources';
import { chatTools } from './tools';

export interface ChatDeps {
  ai: AiService;
  sources: ChatSources;
  events: EventBus;
  log: Logger;
  tools?: readonly ChatTool[];
}

/**
 * The chat assistant. `start` runs a turn in the background and tells its progress as chat.*
 * events addressed to the turn id (the way text reaches a window over IPC and a browser over SSE
 * alike); `turn` runs one in the caller's hands (the CLI). Conversations are kept by the caller:
 * nothing is stored here beyond the turns still answering.
 */
export class ChatService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: ChatDeps) {}

  turn(request: ChatTurnRequest): Promise<ChatTurnAnswer> {
    return runChatTurn(this.deps.ai, this.deps.sources, this.deps.tools ?? chatTools, request);
  }

  start(input: { history: readonly ChatHistoryMessage[]; message: string }): { turnId: string } {
    const turnId = uuidv7();
    const controller = new AbortController();
    this.running.set(turnId, controller);
    const { events, log } = this.deps;
    // after this call answers, so the caller knows the id before the first event can arrive through the same channel
    setImmediate(() => {
      this.turn({ ...input, signal: controller.signal, onDelta: (text) => events.emit('chat.delta', { turnId, text }), onTool: (tool) => events.emit('chat.tool', { turnId, tool }) })
        .then((done) => events.emit('chat.done', { turnId, ...done }))
        .catch((err: unknown) => {
          const failure = err instanceof CoreError ? err : new CoreError('INTERNAL', `The chat assistant failed: ${err instanceof Error ? err.message : String(err)}`);
          if (failure.code === 'INTERNAL') log.error({ err: failure.message }, 'chat turn failed');
          events.emit('chat.failed', { turnId, message: failure.message, code: failure.code });
        })
        .finally(() => this.running.delete(turnId));
    });
    return { turnId };
  }

  /** Whether a turn was still answering (and is now being cancelled). */
  cancel(turnId: string): { cancelled: boolean } {
    const controller = this.running.get(turnId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /** Cancels every turn still answering (the core is closing). */
  close(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
