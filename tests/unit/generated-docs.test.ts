import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../../scripts/docs/generated-docs';
import { repoRoot } from '../helpers/cli';

describe('generated reference pages', () => {
  it.each(Object.keys(generatedDocs))('%s matches the code it is generated from (run `npm run docs` after changing it)', (file) => {
    expect(readFileSync(join(repoRoot, file), 'utf8')).toBe(generatedDocs[file]!());
  });
});
