import { describe, expect, it } from 'vitest';
import { levqorInProcess } from '../helpers/cli-in-process';
import { usePostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-dir';

const server = usePostgres();

describe('levqor panel lead:… and dfy:…', () => {
  it('shows and moves a real lead and DFY request, --json parsing for each', { timeout: 30_000 }, async () => {
    const url = await server.createDatabase('panel_pipeline');
    const dataDir = tempDir();
    const levqor = (...argv: string[]) => levqorInProcess(dataDir, { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'c'.repeat(64) }, argv);
    const panel = async (...argv: string[]) => {
      const r = await levqor('panel', ...argv, '--json');
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    expect((await levqor('remote', 'connect')).code).toBe(0);
    const [lead] = await server.query<{ id: string }>("INSERT INTO sales_leads (email, name) VALUES ('ada@example.com', 'Ada') RETURNING id::text", [], 'panel_pipeline');
    const [dfy] = await server.query<{ id: string }>("INSERT INTO dfy_requests (email, status) VALUES ('bo@example.com', 'quoted') RETURNING id::text", [], 'panel_pipeline');
    expect((await levqor('revenue', 'pipeline', 'sync')).code).toBe(0);

    expect(await panel('metrics:today')).toMatchObject({ newLeads: 1, newDfyRequests: 1 });
    expect(await panel('lead:show', lead!.id)).toMatchObject({ id: lead!.id, stage: 'new' });
    expect(await panel('lead:move', lead!.id, 'contacted')).toMatchObject({ id: lead!.id, stage: 'contacted' });
    expect(await panel('dfy:show', dfy!.id)).toMatchObject({ id: dfy!.id, stage: 'quoted' });
    expect(await panel('dfy:move', dfy!.id, 'paid')).toMatchObject({ id: dfy!.id, stage: 'paid' });
  });
});
