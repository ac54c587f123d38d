import { z } from 'zod';
import { onboardingAlertChannels, onboardingAnswersSchema, onboardingSells, type OnboardingAnswersInput } from '../../../../shared/contract/onboarding';
import { askStructured, type AiService } from '../../ai';

/**
 * What the model is asked to fill: every question, null when the text does not answer it
 * (strict json_schema wants every key present). The answers' own rules are applied afterwards,
 * so a sentence that leaves something out still fills in what it did say.
 */
const readAnswersSchema = z.object({
  sells: z.enum(onboardingSells).nullable(),
  siteUrl: z.string().nullable(),
  productName: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  alerts: z.enum(onboardingAlertChannels).nullable(),
});

const instructions = [
  'You read what a founder wrote about their business and fill in the answers of a getting-started form as JSON.',
  'sells: "digital" (digital products such as templates, courses, ebooks, Notion packs), "services" (done-for-you services) or "both".',
  'siteUrl: the address of their site, with https:// in front when they left it out.',
  'productName: the name of the first product or service they mention; price: its price as a number (no symbol); currency: its three-letter code (£ is GBP, € is EUR, $ is USD).',
  'alerts: where they want to hear about problems: "os" (this computer), "telegram", "slack" or "email".',
  'Use null for anything the text does not say. Never invent a value.',
].join('\n');

/** A site written without its scheme (`example.com`) as the form would take it. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/**
 * The founder's sentence → the guide's answers, read by the model (feature onboarding) through
 * askStructured (json_schema, checked, at most two repair turns). Each answer is then checked by
 * the form's own rule: what passes is kept, the rest is listed as missing (`field: rule`).
 */
export async function answersFromText(ai: AiService, text: string, signal?: AbortSignal): Promise<{ answers: Partial<OnboardingAnswersInput>; missing: string[] }> {
  const read = await askStructured(
    ai,
    { feature: 'onboarding', messages: [{ role: 'system', content: instructions }, { role: 'user', content: text }], ...(signal ? { signal } : {}) },
    'onboarding_answers',
    readAnswersSchema,
  );
  const shape = onboardingAnswersSchema.shape;
  const answers: Partial<OnboardingAnswersInput> = {};
  const missing: string[] = [];
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const raw = read[key];
    if (raw === null) {
      if (key !== 'currency') missing.push(`${key}: ${key === 'alerts' ? 'not said; choose where you want alerts' : 'not said in the text'}`);
      continue;
    }
    const value = key === 'siteUrl' && typeof raw === 'string' ? withScheme(raw.trim()) : raw;
    const checked = shape[key].safeParse(value);
    if (checked.success) Object.assign(answers, { [key]: checked.data });
    else missing.push(`${key}: ${checked.error.issues[0]?.message ?? 'is not valid'}`);
  }
  return { answers, missing };
}
