// `npm run docs`: writes the generated reference pages from the code they describe.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from './generated-docs';

const root = join(import.meta.dirname, '..', '..');
for (const [file, render] of Object.entries(generatedDocs)) {
  writeFileSync(join(root, file), render());
  console.log(`wrote ${file}`);
}
