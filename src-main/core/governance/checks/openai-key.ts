import { aiFeatures } from '../../../../shared/ai-settings';
import { definePreflightCheck, pass, warn } from '../check';
import { secretVerdict } from '../secret-verdict';

/** When any AI feature is on, its key must work, tested through core.ai (a list of the models). */
export const openAiKey = definePreflightCheck({ id: 'openai.key', label: 'AI key', fix: '#/settings', unreachable: 'warn' }, (ctx) => {
  const switches = ctx.sources.settings.get('ai.features');
  const on = aiFeatures.filter((f) => switches[f] !== false);
  if (on.length === 0) return pass('Every AI feature is off (ai.features): no key is needed.');
  if (!ctx.sources.secrets.isSet('openai.apiKey')) return warn(`AI features are on (${on.join(', ')}) but no key is set: they say so instead of answering. Set openai.apiKey, or turn them off in ai.features.`);
  return secretVerdict(ctx, 'openai.apiKey', 'The AI model', 'warn');
});
