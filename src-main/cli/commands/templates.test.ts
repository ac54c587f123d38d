import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { levqorInProcess } from '../../../tests/helpers/cli-in-process';

const env = { LEVQOR_SECRET_KEY: 'f'.repeat(64) };

const levqor = (dataDir: string, ...argv: string[]) => levqorInProcess(dataDir, env, argv);

describe('levqor templates / levqor template use', () => {
  it('lists the templates with their inputs, makes a disabled workflow from one, and refuses a wrong input by name', async () => {
    const dataDir = tempDir();
    const list = await levqor(dataDir, 'templates');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('churn-win-back  [revenue]  Churned subscription → win-back email');
    expect(list.stdout).toContain('--input days=NUMBER  Days to wait (default 7)');
    expect(JSON.parse((await levqor(dataDir, 'templates', '--json')).stdout).templates.length).toBeGreaterThanOrEqual(25);

    const wrong = await levqor(dataDir, 'template', 'use', 'churn-win-back', '--input', 'offerUrl=https://example.com/o', '--input', 'days=a week');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('inputs.days: must be a number');
    expect(JSON.parse((await levqor(dataDir, 'workflow', 'list', '--json')).stdout).workflows).toEqual([]);
    expect((await levqor(dataDir, 'template', 'use', 'churn-win-back', '--input', 'days')).stderr).toContain('--input: must be NAME=VALUE (got "days")');

    const used = await levqor(dataDir, 'template', 'use', 'churn-win-back', '--input', 'offerUrl=https://example.com/o', '--json');
    expect(used.code).toBe(0);
    const made = JSON.parse(used.stdout);
    expect(made).toMatchObject({ name: 'Churned subscription → win-back email', templateId: 'churn-win-back', workflow: { nodes: [{ id: 'wait', params: { duration: '7d' } }, {}, {}] } });
    expect(JSON.parse((await levqor(dataDir, 'workflow', 'list', '--json')).stdout).workflows).toMatchObject([{ id: made.id, enabled: false }]);
  });
});
