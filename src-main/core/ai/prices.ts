/** Cents per million input and output tokens, per model name (setting ai.prices). */
export type AiPrices = Readonly<Record<string, { input: number; output: number }>>;

/** What a call cost in cents (fractional), from the price table; a model not listed costs 0. */
export function callCostMinor(prices: AiPrices, model: string, inputTokens: number, outputTokens: number): number {
  const price = prices[model];
  if (!price) return 0;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
