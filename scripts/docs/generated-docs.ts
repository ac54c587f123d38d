import { renderApiDoc } from './render-api';
import { renderCliDoc } from './render-cli';

/** Each generated page and what renders it; tests/unit/generated-docs.test.ts keeps them current. */
export const generatedDocs: Record<string, () => string> = {
  'docs/api.md': renderApiDoc,
  'docs/cli.md': renderCliDoc,
};
