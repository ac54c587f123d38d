import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtCore } from './built-core';
import { median, percentile, type Report } from './measure';

const product = 'automation-accelerator-pack';

/** How long each of 50 calls took, sorted. */
async function timed(call: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The template engine through core as it ships (`core.content.compose`): the seed checked, the
 * product read, the six templates read (a founder's copy is looked for each time), filled and
 * validated. Then `content.generate`, which also saves the set in the history (one file written
 * and renamed in). Beside them, reading the product alone.
 */
export async function contentBench(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-content-'));
  try {
    const { createCore } = await builtCore();
    const core = createCore({ dataDir, env: { LEVQOR_CONTENT_SITE_URL: 'https://levqor.example' }, logToFile: false });
    core.products.create({ slug: product, name: 'Automation Accelerator Pack', price: 47, description: 'Ready-to-import automation workflows.', tags: ['automation', 'workflows'], status: 'ready', version: '1.0.0' });
    const seed = { seed: 'Stop answering the same support email by hand every week.', product, audience: 'solo founders' };
    await core.content.generate(seed);
    const times = await timed(() => core.content.compose(seed));
    const saved = await timed(() => core.content.generate(seed));
    const reads: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      core.products.get(product);
      reads.push(performance.now() - t);
    }
    core.close();
    const reference = { name: 'products.get of the same product, median of 50', value: median(reads) };
    report({ name: `template engine: six assets for one seed, checked (p95 of 50; median ${median(times).toFixed(2)} ms)`, value: percentile(times, 95), unit: 'ms', reference, target: '≤ 20 ms' });
    report({ name: `content.generate: the same and the set saved (p95 of 50; median ${median(saved).toFixed(2)} ms)`, value: percentile(saved, 95), unit: 'ms', reference });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
