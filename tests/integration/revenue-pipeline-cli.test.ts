import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { usePostgres } from '../helpers/postgres';

beforeAll(assertBuilt);
const server = usePostgres();

describe('levqor revenue leads / dfy / lead move / dfy move / pipeline', () => {
  it('pulls, lists by stage, moves and writes back; a bad move exits non-zero naming the rule', async () => {
    const url = await server.createDatabase('cli_pipeline');
    const data = tempDir();
    const run = (args: string[]) => levqorAsync(['--data-dir', data, ...args], { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'c'.repeat(64) });
    expect((await run(['remote', 'connect'])).code).toBe(0);
    const [lead] = await server.query<{ id: string }>("INSERT INTO sales_leads (email, name) VALUES ('ada@example.com', 'Ada') RETURNING id::text", [], 'cli_pipeline');
    const [dfy] = await server.query<{ id: string }>("INSERT INTO dfy_requests (email, status) VALUES ('bo@example.com', 'quoted') RETURNING id::text", [], 'cli_pipeline');

    const sync = await run(['revenue', 'pipeline', 'sync']);
    expect(sync.stdout).toContain('Pulled 1 leads and 1 DFY requests');
    const leads = await run(['revenue', 'leads', '--stage', 'new', '--json']);
    expect(JSON.parse(leads.stdout)).toMatchObject({ leads: [{ id: lead!.id, email: 'ada@example.com', stage: 'new' }] });
    expect((await run(['revenue', 'dfy'])).stdout).toMatch(/^quoted\s.*bo@example\.com/);

    const moved = await run(['revenue', 'lead', 'move', lead!.id, 'contacted']);
    expect(moved, moved.stderr).toMatchObject({ code: 0 });
    expect(moved.stdout).toContain('Moved ada@example.com to contacted. Written back to the shared Postgres.');
    expect(await server.query('SELECT status FROM sales_leads', [], 'cli_pipeline')).toEqual([{ status: 'contacted' }]);

    const bad = await run(['revenue', 'dfy', 'move', dfy!.id, 'in_progress']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('stage: a DFY request must be marked paid before it moves to in progress (it is quoted)');
    expect((await run(['revenue', 'dfy', 'move', dfy!.id, 'paid'])).stdout).toContain('Moved bo@example.com to paid.');
    expect(await server.query('SELECT status FROM dfy_requests', [], 'cli_pipeline')).toEqual([{ status: 'paid' }]);
    expect((await run(['revenue', 'pipeline', 'stats'])).stdout).toMatch(/Leads: 1 in all/);
  });
});
