import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { aiFeatures, type AiFeature } from '../../../shared/ai-settings';
import type { AiStatus, AiUsageRow } from '../../../shared/contract/ai';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { RetryPolicy } from '../retry';
import type { SecretStore } from '../secrets';
import type { WithheldPeople } from '../withheld-people-port';
import type { SettingsService } from '../settings';
import type { Timer } from '../timer';
import { modelFailure } from './model-errors';
import { loadOpenAI } from './openai-package';
import { retryModelCall } from './model-retry';
import { essentialAiFeatures, type AiMoneyBudget } from './essential-features';
import { callCostMinor } from './prices';
import { redact } from './redact';
import { AiUsageStore, monthStart } from './usage-store';
import { toWireMessages, wireText, type AiMessage, type AiToolCall, type AiToolSpec } from './wire-messages';

export type { AiMessage, AiToolCall, AiToolSpec } from './wire-messages';

export interface AiRequest {
  feature: AiFeature;
  messages: readonly AiMessage[];
  signal?: AbortSignal;
  /** Functions the model may ask for (streamParts hands their calls back; nothing runs them here). */
  tools?: readonly AiToolSpec[];
}

/** A piece of a streamed answer: text as it comes, or, at the end, the tool calls the model asked for instead of (or after) text. */
export type AiStreamPart = { kind: 'text'; text: string } | { kind: 'tool-calls'; calls: AiToolCall[] };

export interface AiTuning {
  /** The whole call, retries and streaming included. */
  timeoutMs: number;
  retry: RetryPolicy;
}

export const defaultAiTuning: AiTuning = { timeoutMs: 60_000, retry: { maxAttempts: 4, backoff: 'exponential', initialMs: 500, maxMs: 20_000, jitter: true } };

export interface AiDeps {
  db: Db;
  clock: Clock;
  timer: Timer;
  settings: SettingsService;
  secrets: SecretStore;
  tuning?: AiTuning;
  random?: () => number;
}

interface Usage {
  inputTokens: number;
  outputTokens: number;
}

type Body = Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, 'model' | 'messages'>;

/** Roughly four characters a token: what a call is counted as when the server reports no usage. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The model layer: every AI feature calls the model through here. Each call is checked (feature
 * on, key set, budget left), redacted, bounded by a timeout, cancellable, retried on 429/5xx,
 * and recorded in ai_usage with its tokens, cost and outcome.
 */
export class AiService {
  private readonly usageStore: AiUsageStore;
  private readonly tuning: AiTuning;
  private moneyBudget: AiMoneyBudget | undefined;

  private withheld: WithheldPeople | undefined;

  /** People whose data must not leave the machine (CCPA "do not sell or share"): redacted from every prompt like a secret. */
  withhold(people: WithheldPeople): void {
    this.withheld = people;
  }

  constructor(private readonly deps: AiDeps) {
    this.usageStore = new AiUsageStore(deps.db);
    this.tuning = deps.tuning ?? defaultAiTuning;
  }

  status(): AiStatus {
    const { settings, clock } = this.deps;
    const since = monthStart(clock.now());
    const on = settings.get('ai.features');
    const reason = this.notReady();
    return {
      configured: reason === undefined,
      reason: reason ?? null,
      model: settings.get('ai.model'),
      baseUrlHost: new URL(settings.get('ai.baseUrl')).host,
      features: Object.fromEntries(aiFeatures.map((f) => [f, on[f] !== false])) as AiStatus['features'],
      month: { since, ...this.usageStore.since(since), budgetTokens: settings.get('ai.monthlyTokenBudget') },
    };
  }

  /** Cents (fractional, priced by ai.prices) the calls made in [from, to) cost. */
  spentMinor(from: number, to: number): number {
    return this.usageStore.costBetween(from, to);
  }

  /** The cost autopilot's AI budget: once it is used up, non-essential features are refused (essential-features.ts). */
  connectMoneyBudget(check: AiMoneyBudget): void {
    this.moneyBudget = check;
  }

  usage(limit: number): AiUsageRow[] {
    return this.usageStore.list(limit);
  }

  /** The whole answer as text. */
  async complete(request: AiRequest, body: Body = {}): Promise<string> {
    return this.call(request, async (client, model, messages, signal) => {
      const answer = await client.chat.completions.create({ ...body, model, messages, stream: false }, { signal });
      return { value: answer.choices[0]?.message?.content ?? '', usage: answer.usage ? { inputTokens: answer.usage.prompt_tokens, outputTokens: answer.usage.completion_tokens } : undefined };
    });
  }

  /**
   * The answer as text deltas, as the server sends them; the usage row is written when the stream
   * ends or fails. A caller that stops reading early cancels the call. An answer that breaks off
   * after its first delta is not tried again (the caller already holds part of it).
   */
  async *stream(request: AiRequest): AsyncGenerator<string> {
    for await (const part of this.streamParts(request)) if (part.kind === 'text') yield part.text;
  }

  /**
   * Like `stream`, with the request's tools offered to the model: text deltas as they come, then
   * one `tool-calls` part when the model asked for functions (their arguments assembled from the
   * streamed pieces). Running them and sending their results back is the caller's.
   */
  async *streamParts(request: AiRequest): AsyncGenerator<AiStreamPart> {
    const stop = new AbortController();
    const parts: AiStreamPart[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
    const tools = request.tools?.length ? request.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.parameters } })) : undefined;
    const done = this.call({ ...request, signal }, async (client, model, messages, callSignal) => {
      const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true }, ...(tools ? { tools } : {}) }, { signal: callSignal });
      let usage: Usage | undefined;
      let text = '';
      const calls: AiToolCall[] = [];
      try {
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta;
          if (delta?.content) {
            text += delta.content;
            parts.push({ kind: 'text', text: delta.content });
            wake?.();
          }
          for (const piece of delta?.tool_calls ?? []) {
            const call = (calls[piece.index] ??= { id: '', name: '', arguments: '' });
            call.id ||= piece.id ?? '';
            call.name += piece.function?.name ?? '';
            call.arguments += piece.function?.arguments ?? '';
          }
          if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
        }
        // the client ends a stream quietly when its signal fires; the call was cut short all the same
        if (callSignal.aborted) throw callSignal.reason;
      } catch (err) {
        if (text === '' || callSignal.aborted) throw err;
        throw new CoreError('UNAVAILABLE', `The AI model's answer broke off: ${err instanceof Error ? err.message : String(err)}`);
      }
      const asked = calls.filter(Boolean);
      if (asked.length > 0) parts.push({ kind: 'tool-calls', calls: asked });
      return { value: text + asked.map((c) => c.name + c.arguments).join(''), usage };
    }).finally(() => {
      finished = true;
      wake?.();
    });
    done.catch(() => undefined);
    let readToTheEnd = false;
    try {
      for (;;) {
        if (parts.length > 0) yield parts.shift()!;
        else if (finished) break;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
      readToTheEnd = true;
    } finally {
      if (!readToTheEnd) {
        stop.abort();
        await done.catch(() => undefined);
      }
    }
    await done;
  }

  /** Records that a structured answer stayed wrong after its repair turns (the calls themselves are recorded as ok). */
  markInvalid(feature: AiFeature, problems: string): void {
    const { clock, settings } = this.deps;
    this.usageStore.record({ at: clock.now(), feature, model: settings.get('ai.model'), inputTokens: 0, outputTokens: 0, costMinor: 0, latencyMs: 0, outcome: 'invalid', error: problems });
  }

  /** The secret's Test: lists the models the key may use, which costs nothing. */
  async testKey(signal: AbortSignal): Promise<string> {
    const key = this.deps.secrets.reveal('openai.apiKey');
    if (!key) throw new Error('not set');
    const client = this.client(key);
    const host = new URL(this.deps.settings.get('ai.baseUrl')).host;
    try {
      const models = await client.models.list({ signal });
      return `the key works at ${host}: ${models.data.length} models available`;
    } catch (err) {
      throw modelFailure(err, { host, cancelled: false, timedOut: signal.aborted, timeoutMs: 20_000 });
    }
  }

  /** Why no call can be made now (no key), in one line naming the secret; undefined when one can. */
  private notReady(): string | undefined {
    return this.deps.secrets.reveal('openai.apiKey') ? undefined : 'No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY).';
  }

  private client(apiKey: string): OpenAI {
    const Client = loadOpenAI();
    return new Client({ apiKey, baseURL: this.deps.settings.get('ai.baseUrl'), maxRetries: 0, timeout: this.tuning.timeoutMs });
  }

  private refuseUnlessAllowed(request: AiRequest, outgoing: string): void {
    const { settings, clock } = this.deps;
    if (settings.get('ai.features')[request.feature] === false) throw new CoreError('UNAVAILABLE', `The AI feature ${request.feature} is turned off (setting ai.features).`, 'ai.features');
    const reason = this.notReady();
    if (reason) throw new CoreError('UNAVAILABLE', reason, 'openai.apiKey');
    const overMoney = essentialAiFeatures.has(request.feature) ? undefined : this.moneyBudget?.(request.feature);
    if (overMoney) throw new CoreError('UNAVAILABLE', overMoney, 'budgets.ai');
    const budget = settings.get('ai.monthlyTokenBudget');
    if (budget === 0) return;
    const used = this.usageStore.since(monthStart(clock.now()));
    const spent = used.inputTokens + used.outputTokens;
    if (spent + estimateTokens(outgoing) > budget) {
      throw new CoreError('UNAVAILABLE', `The AI budget for this month is used up: ${spent} of ${budget} tokens (setting ai.monthlyTokenBudget).`, 'ai.monthlyTokenBudget');
    }
  }

  private languageLine(): string {
    const language = this.deps.settings.get('ai.language');
    return language === '' ? 'Answer in the language the founder wrote in.' : `Answer in ${language}.`;
  }

  /**
   * One recorded call: the checks, redaction and language, then `send` under the timeout, the
   * caller's signal and the retry policy; a usage row whatever the outcome.
   */
  async call<T>(
    request: AiRequest,
    send: (client: OpenAI, model: string, messages: ChatCompletionMessageParam[], signal: AbortSignal) => Promise<{ value: T; usage: Usage | undefined }>,
  ): Promise<T> {
    const { clock, settings, timer } = this.deps;
    const secrets = [...this.deps.secrets.everyValue(), ...(this.withheld?.values() ?? [])];
    const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: this.languageLine() }, ...toWireMessages(request.messages, secrets)];
    const outgoing = [...messages.map(wireText), ...(request.tools ?? []).map((t) => JSON.stringify(t))].join('\n');
    this.refuseUnlessAllowed(request, outgoing);
    const model = settings.get('ai.model');
    const host = new URL(settings.get('ai.baseUrl')).host;
    const deadline = AbortSignal.timeout(this.tuning.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    const client = this.client(this.deps.secrets.reveal('openai.apiKey')!);
    const started = clock.now();
    const record = (outcome: AiUsageRow['outcome'], usage: Usage, error: string | null) =>
      this.usageStore.record({ at: started, feature: request.feature, model, ...usage, costMinor: callCostMinor(settings.get('ai.prices'), model, usage.inputTokens, usage.outputTokens), latencyMs: Math.max(0, clock.now() - started), outcome, error });
    try {
      const { value, usage } = await retryModelCall(() => send(client, model, messages, signal), { policy: this.tuning.retry, signal, timer, now: () => clock.now(), ...(this.deps.random ? { random: this.deps.random } : {}) });
      record('ok', usage ?? { inputTokens: estimateTokens(outgoing), outputTokens: estimateTokens(typeof value === 'string' ? value : JSON.stringify(value)) }, null);
      return value;
    } catch (err) {
      const failure = modelFailure(err, { host, cancelled: request.signal?.aborted === true, timedOut: deadline.aborted, timeoutMs: this.tuning.timeoutMs });
      const outcome = failure.code === 'CANCELLED' ? 'cancelled' : deadline.aborted ? 'timeout' : 'failed';
      record(outcome, { inputTokens: 0, outputTokens: 0 }, redact(failure.message, secrets));
      throw failure;
    }
  }
}
