import { printFigure, type Figure } from './measure';
import { serveStartup } from './serve-startup.bench';

/**
 * `npm run bench`: each figure beside a reference measured in this same run. Figures are
 * printed, never asserted: the targets live in the issues.
 */
const benches: Array<[string, (report: (f: Figure) => void) => Promise<void>]> = [['serve startup', serveStartup]];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.includes(only)) continue;
  console.log(`\n# ${name}`);
  await bench(printFigure);
}
