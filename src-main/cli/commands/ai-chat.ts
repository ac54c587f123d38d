import { command, readPositionals, type CliContext, type Command } from '../command';

const usage = 'ai chat TEXT';

/**
 * One question, one streamed answer, no tools (the chat assistant with its read-only tools comes
 * later): each line is printed as soon as it is complete, Ctrl-C cancels the call.
 */
async function chat(ctx: CliContext, text: string): Promise<string> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  let answer = '';
  let printed = 0;
  try {
    for await (const delta of ctx.core().ai.stream({ feature: 'chat', messages: [{ role: 'user', content: text }], signal: controller.signal })) {
      answer += delta;
      const lineEnd = answer.lastIndexOf('\n');
      if (!ctx.json && lineEnd >= printed) {
        ctx.io.out(answer.slice(printed, lineEnd));
        printed = lineEnd + 1;
      }
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (!ctx.json && printed < answer.length) ctx.io.out(answer.slice(printed));
  return answer;
}

export const aiChatCommand: Command = command({
  usage,
  summary: 'Ask the AI model one question and print its answer as it streams (no tools yet; feature chat of ai.features).',
  async run(ctx, args) {
    const [text] = readPositionals(args, ['TEXT'], usage);
    const answer = await chat(ctx, text);
    if (ctx.json) ctx.io.out(JSON.stringify({ answer }));
  },
});
