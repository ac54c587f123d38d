import type { ContentPort } from '../content-port';
import type { ContentService } from './content-service';

/** What the step content.generate gets of the content engine; `content` is read when a step asks (createCore makes the engine first). */
export function contentPort(content: () => ContentService): ContentPort {
  return { generate: (input, engine, signal) => content().generate(input, engine, signal) };
}
