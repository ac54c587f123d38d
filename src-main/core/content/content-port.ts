import type { ContentPort } from '../content-port';
import type { ContentService } from './content-service';
import { publishing } from './publishing';

/** What the steps content.generate and content.publish get of the content engine; `content` is read when a step asks (createCore makes the engine first). */
export function contentPort(content: () => ContentService): ContentPort {
  return {
    generate: (input, engine, signal) => content().generate(input, engine, signal),
    set: (id, field) => content().get(id, field),
    publishing,
    writeFiles: (set, kinds) => content().writeFiles(set, kinds),
  };
}
