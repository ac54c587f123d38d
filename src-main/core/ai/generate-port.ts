import { z } from 'zod';
import type { AiGeneratePort } from '../ai-generate-port';
import type { AiService } from './ai-service';
import { askStructured } from './structured';

/** The name the answer's JSON Schema carries in response_format. */
const answerName = 'ai_generate_answer';

/**
 * What the step ai.generate gets of the model layer: every call is feature `generate`, checked,
 * redacted and recorded like any other. `ai` is read when a step asks: createCore makes the
 * engine before the AI service.
 */
export function aiGeneratePort(ai: AiService): AiGeneratePort {
  return {
    text: (prompt, signal) => ai.complete({ feature: 'generate', messages: [{ role: 'user', content: prompt }], signal }),
    json: (prompt, schema, signal) => askStructured(ai, { feature: 'generate', messages: [{ role: 'user', content: prompt }], signal }, answerName, z.fromJSONSchema(schema)),
  };
}
