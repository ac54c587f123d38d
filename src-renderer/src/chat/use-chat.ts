import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { ChatAction } from '../../../shared/contract/chat';
import { getApi } from '../api/client';
import { toLevqorError } from '../api/to-levqor-error';

export interface ChatEntry {
  role: 'user' | 'assistant';
  content: string;
  tools: string[];
  actions: ChatAction[];
  /** The one line a turn ended with instead of an answer, and its code (CANCELLED, UNAVAILABLE…). */
  failure?: { message: string; code: string; field?: string };
  streaming: boolean;
}

type ChatEvent = { [E in Extract<EventName, `chat.${string}`>]: { name: E; payload: EventPayload<E> } }[Extract<EventName, `chat.${string}`>];

function applyEvent(entry: ChatEntry, e: ChatEvent): ChatEntry {
  switch (e.name) {
    case 'chat.delta':
      return { ...entry, content: entry.content + e.payload.text };
    case 'chat.tool':
      return entry.tools.includes(e.payload.tool) ? entry : { ...entry, tools: [...entry.tools, e.payload.tool] };
    case 'chat.done':
      return { ...entry, content: e.payload.answer, actions: e.payload.actions, tools: e.payload.tools, streaming: false };
    case 'chat.failed':
      return { ...entry, failure: { message: e.payload.message, code: e.payload.code }, streaming: false };
  }
}

const chatEventNames = ['chat.delta', 'chat.tool', 'chat.done', 'chat.failed'] as const;

/**
 * The conversation the panel shows, kept here only (nothing is stored in the app): each question
 * starts a turn with chat.send, and the answer arrives as chat.* events addressed to the turn id.
 * Events that come before chat.send has answered with the id are held and replayed then.
 */
export function useChat() {
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const turn = useRef<{ id: string | undefined; early: ChatEvent[] } | undefined>(undefined);

  const onEvent = useCallback((e: ChatEvent) => {
    const current = turn.current;
    if (!current) return;
    if (current.id === undefined) {
      current.early.push(e);
      return;
    }
    if (e.payload.turnId !== current.id) return;
    if (e.name === 'chat.done' || e.name === 'chat.failed') turn.current = undefined;
    setEntries((list) => [...list.slice(0, -1), applyEvent(list[list.length - 1]!, e)]);
  }, []);

  useEffect(() => {
    const api = getApi();
    const offs = chatEventNames.map((name) => api.on(name, (payload) => onEvent({ name, payload } as ChatEvent)));
    return () => offs.forEach((off) => off());
  }, [onEvent]);

  const send = useCallback(
    async (message: string) => {
      if (turn.current) return;
      const history = entries.filter((e) => !e.failure && e.content !== '').map((e) => ({ role: e.role, content: e.content }));
      turn.current = { id: undefined, early: [] };
      setEntries((list) => [...list, { role: 'user', content: message, tools: [], actions: [], streaming: false }, { role: 'assistant', content: '', tools: [], actions: [], streaming: true }]);
      try {
        const { turnId } = await getApi().chat.send({ message, history });
        const early = turn.current.early.filter((e) => e.payload.turnId === turnId);
        turn.current.id = turnId;
        for (const e of early) onEvent(e);
      } catch (err) {
        turn.current = undefined;
        const failure = toLevqorError(err);
        setEntries((list) => [...list.slice(0, -1), { ...list[list.length - 1]!, streaming: false, failure: { message: failure.message, code: failure.code, ...(failure.field ? { field: failure.field } : {}) } }]);
      }
    },
    [entries, onEvent],
  );

  const cancel = useCallback(() => {
    const id = turn.current?.id;
    if (id) void getApi().chat.cancel({ turnId: id });
  }, []);

  const reset = useCallback(() => {
    cancel();
    turn.current = undefined;
    setEntries([]);
  }, [cancel]);

  const busy = entries.some((e) => e.streaming);
  return { entries, busy, send, cancel, reset };
}
