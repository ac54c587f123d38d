import type { ChatTurnAnswer } from '../../core/assistants/chat';
import { command, readPositionals, type CliContext, type Command } from '../command';

const usage = 'ai chat TEXT';

/**
 * One chat turn with the assistant's read-only tools: each line of the answer is printed as soon
 * as it is complete, then the screens it suggests opening; Ctrl-C cancels the call.
 */
async function chat(ctx: CliContext, text: string): Promise<ChatTurnAnswer> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let answer = '';
  let printed = 0;
  try {
    const done = await ctx.core().chat.turn({
      history: [],
      message: text,
      signal: controller.signal,
      onDelta: (delta) => {
        answer += delta;
        const lineEnd = answer.lastIndexOf('\n');
        if (!ctx.json && lineEnd >= printed) {
          ctx.io.out(answer.slice(printed, lineEnd));
          printed = lineEnd + 1;
        }
      },
    });
    if (!ctx.json && printed < answer.length) ctx.io.out(answer.slice(printed));
    return done;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

export const aiChatCommand: Command = command({
  usage,
  summary: 'Ask the chat assistant one question; it reads the app\u2019s data with read-only tools and prints its answer as it streams, then the screens it suggests (feature chat of ai.features).',
  async run(ctx, args) {
    const [text] = readPositionals(args, ['TEXT'], usage);
    const done = await chat(ctx, text);
    if (ctx.json) ctx.io.out(JSON.stringify(done));
    else {
      if (done.tools.length > 0) ctx.io.out(`(looked at: ${done.tools.join(', ')})`);
      for (const a of done.actions) ctx.io.out(`→ ${a.label}: ${a.href}`);
    }
  },
});
