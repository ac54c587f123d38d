import { z } from 'zod';
import { isAppRoute } from '../app-routes';
import { recordId } from './common';
import { event, procedure } from './procedure';

/** A button the assistant proposes: it only opens one of the app's own screens (a hash route), never acts. */
export const chatActionSchema = z.object({
  label: z.string().min(1).max(80),
  href: z.string().refine(isAppRoute, 'must be a route of the app (#/<area>, #/workflows/<id>, #/workflows/<id>/runs/<runId>)'),
});
export type ChatAction = z.infer<typeof chatActionSchema>;

/** One earlier message of the conversation, which the renderer keeps (nothing is stored in the app). */
export const chatHistoryMessageSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(20_000, 'is longer than 20000 characters') }).strict();
export type ChatHistoryMessage = z.infer<typeof chatHistoryMessageSchema>;

export const chatTurnInputSchema = z
  .object({
    message: z.string().trim().min(1, 'is empty: write a question').max(4_000, 'is longer than 4000 characters'),
    history: z.array(chatHistoryMessageSchema).max(40, 'holds more than 40 messages: start a new conversation').default([]),
  })
  .strict();

const turnId = z.object({ turnId: z.string() });

export const chatProcedures = {
  'chat.send': procedure({
    summary: 'Starts a chat turn (the conversation so far + the new message) with the assistant\u2019s read-only tools; answers its turnId at once, the text follows as chat.* events.',
    input: chatTurnInputSchema,
    output: turnId,
  }),
  'chat.cancel': procedure({
    summary: 'Stops a chat turn that is still answering (its model call is cancelled; chat.failed follows with code CANCELLED).',
    input: z.object({ turnId: recordId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};

export const chatEvents = {
  'chat.delta': event({ summary: 'A piece of a chat turn\u2019s answer, as the model streams it.', payload: turnId.extend({ text: z.string() }) }),
  'chat.tool': event({ summary: 'The chat assistant read one of its tools (its name) during a turn.', payload: turnId.extend({ tool: z.string() }) }),
  'chat.done': event({
    summary: 'A chat turn finished: the whole answer, the buttons it proposes and the tools it read.',
    payload: turnId.extend({ answer: z.string(), actions: z.array(chatActionSchema), tools: z.array(z.string()) }),
  }),
  'chat.failed': event({ summary: 'A chat turn ended without an answer: the one line saying why (no key, model unreachable, cancelled…).', payload: turnId.extend({ message: z.string(), code: z.string() }) }),
};
