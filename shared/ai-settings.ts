import { z } from 'zod';
import { jsonFromText, jsonMapSetting } from './json-from-text';
import { secretDestinationUrl } from './secret-destination';

/** The AI features the founder can turn on and off one by one (setting ai.features). */
export const aiFeatures = ['chat', 'workflow', 'explain', 'onboarding', 'insights', 'generate', 'content'] as const;
export type AiFeature = (typeof aiFeatures)[number];

const featuresRule = `must be a JSON map from AI features (${aiFeatures.join(', ')}) to true or false, such as {"chat": true, "insights": false}`;
const pricesRule = 'must be a JSON map from model names to {"input": N, "output": N}: what a million tokens cost in cents, such as {"gpt-4o-mini": {"input": 15, "output": 60}}';
const budgetRule = 'must be a whole number of tokens per month, 0 for no limit';
const modelRule = 'must be a model name such as gpt-4o-mini (no spaces)';
const languageRule = 'must be a language name such as English or Deutsch, or empty for the language the founder wrote in';

const features = jsonMapSetting(z.boolean({ error: () => featuresRule }), featuresRule, (name) =>
  (aiFeatures as readonly string[]).includes(name) ? undefined : 'is not an AI feature',
) as z.ZodType<Partial<Record<AiFeature, boolean>>>;

const centsPerMillion = z.number({ error: () => pricesRule }).min(0, pricesRule).finite(pricesRule);
const prices = z.preprocess(
  jsonFromText,
  z.record(z.string().min(1, pricesRule), z.object({ input: centsPerMillion, output: centsPerMillion }, { error: () => pricesRule }).strict(), { error: () => pricesRule }),
) as z.ZodType<Record<string, { input: number; output: number }>>;

/** What gpt-4o-mini cost when this was written (cents per million tokens); the founder edits ai.prices for others. */
export const defaultAiPrices = { 'gpt-4o-mini': { input: 15, output: 60 }, 'gpt-4o': { input: 250, output: 1000 } };

/**
 * The model layer's settings (core/ai): where the model answers, which one, what each feature
 * may do, how many tokens a month may use and what they cost. The key is the openai.apiKey secret.
 */
export const aiSettingDefinitions = {
  'ai.baseUrl': {
    schema: secretDestinationUrl,
    defaultValue: 'https://api.openai.com/v1',
    label: 'AI model address',
    description: 'Where the OpenAI-compatible model answers: OpenAI, or a local server such as Ollama (http://localhost:11434/v1) or LM Studio.',
    env: 'LEVQOR_AI_BASE_URL',
    cliOnly: 'it decides where a secret is sent',
  },
  'ai.model': {
    schema: z.string({ error: () => modelRule }).trim().regex(/^\S+$/, modelRule),
    defaultValue: 'gpt-4o-mini',
    label: 'AI model',
    description: 'The model every AI feature asks, by the name the model server knows it.',
    env: 'LEVQOR_AI_MODEL',
  },
  'ai.features': {
    schema: features,
    defaultValue: {},
    label: 'AI features',
    description: `Which AI features may call the model: a map such as {"insights": false}; a feature not named is on. Features: ${aiFeatures.join(', ')}.`,
    env: undefined,
  },
  'ai.monthlyTokenBudget': {
    schema: z.number({ error: () => budgetRule }).int(budgetRule).min(0, budgetRule),
    defaultValue: 0,
    label: 'AI monthly token budget',
    description: 'Input plus output tokens all AI features may use in a calendar month (UTC); a call that would go over is refused. 0 means no limit.',
    env: undefined,
  },
  'ai.language': {
    schema: z.string({ error: () => languageRule }).trim().max(40, languageRule),
    defaultValue: '',
    label: 'AI answer language',
    description: 'The language the assistants answer in. Empty: the language the founder wrote in.',
    env: undefined,
  },
  'ai.prices': {
    schema: prices,
    defaultValue: defaultAiPrices,
    label: 'AI prices',
    description: 'What a million input and output tokens cost per model, in cents, e.g. {"gpt-4o-mini": {"input": 15, "output": 60}}; each call\u2019s cost is recorded from it. A model not listed costs 0.',
    env: undefined,
  },
};
