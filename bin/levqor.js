#!/usr/bin/env node
// The `levqor` command: runs the built CLI (npm install builds it through `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('levqor: the app is not built yet; run `npm run build` in the project folder first\n');
  process.exit(1);
}
await import(cli.href);
