import { describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore } from '../../core';
import { levqorInProcess } from '../../../tests/helpers/cli-in-process';

const env = { LEVQOR_SECRET_KEY: 'e'.repeat(64) };

const levqor = (dataDir: string, ...argv: string[]) => levqorInProcess(dataDir, env, argv);

describe('levqor insights', () => {
  it('lists the ranked insights with their evidence, --json gives the procedure’s answer, and act answers per kind', async () => {
    const dataDir = tempDir();
    const seed = createCore({ dataDir, env, logToFile: false });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    seed.products.create(productSpecSchema.parse({ slug: 'ascend', name: 'Ascend', price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow }));
    seed.close();

    const text = await levqor(dataDir, 'insights');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ 1\. \[critical\] growth: "Ascend" launches within a day with 0 of 70 Omega slots filled$/m);
    expect(text.stdout).toContain('Omega slots filled: 0 of 70  (products.checklist)');
    expect(text.stdout).toContain('(levqor insights act omega-slots:ascend)');
    // no key here: the rules rank the "this week" list and the missing narrative is said plainly
    expect(text.stdout).toMatch(/^This week \(ranked by the rules\):\n 1\. "Ascend" launches within a day with 0 of 70 Omega slots filled\n    why: the launch ships without its cover and gallery images  \(omega-slots:ascend\)\n\nNo narrative: No AI key: set the secret openai.apiKey/);
    const json = await levqor(dataDir, 'insights', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ at: expect.any(Number), insights: [{ id: 'omega-slots:ascend', rank: 1 }], thisWeek: [{ id: 'omega-slots:ascend' }], narrative: null, source: 'rules', reason: expect.stringMatching(/^No AI key/) });
    const act = await levqor(dataDir, 'insights', 'act', 'omega-slots:ascend');
    expect(act).toMatchObject({ code: 0, stdout: 'Nothing to do here: open the launches area.\n' });
    const acted = await levqor(dataDir, 'insights', 'history', '--acted', 'open-area', '--rule', 'omega-slots', '--json');
    expect(JSON.parse(acted.stdout).items).toMatchObject([{ id: 'omega-slots:ascend', acted: { kind: 'open-area', ref: 'launches' } }]);
    expect(JSON.parse((await levqor(dataDir, 'insights', 'history', '--acted', 'none', '--json')).stdout).items).toEqual([]);
    const wrong = await levqor(dataDir, 'insights', 'history', '--acted', 'ignored');
    expect(wrong.stderr).toContain('--acted: must be one of workflow-draft, healing, open-area, dismissed, none');
    const dismissed = await levqor(dataDir, 'insights', 'dismiss', 'omega-slots:ascend');
    expect(dismissed).toMatchObject({ code: 0, stdout: 'Dismissed omega-slots:ascend: it stays out of the list while it reads the same (levqor insights history --acted dismissed).\n' });
    expect(JSON.parse((await levqor(dataDir, 'insights', '--json')).stdout)).toMatchObject({ insights: [], thisWeek: [] });
  });

  it('an id no rule produces now fails naming the field', async () => {
    const r = await levqor(tempDir(), 'insights', 'act', 'mrr-churn:2026-01');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('id: no insight "mrr-churn:2026-01" now');
  });
});
