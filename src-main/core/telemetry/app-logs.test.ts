import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore } from '..';
import { createDispatcher } from '../../api/dispatcher';

describe('the app\u2019s own logs as telemetry', () => {
  it('turns logged API calls and warnings into rows with source app, endpoint, status and trace id', async () => {
    const core = createCore({ dataDir: tempDir(), env: {} });
    const api = createDispatcher(core);
    await api.call('stage.set', { stage: 'launched' }, { requestId: 'req-tele-1', transport: 'http' });
    core.log.warn({ detail: 'x' }, 'disk almost full');
    core.log.flush();
    expect(core.telemetry.flushAppLogs()).toBeGreaterThanOrEqual(2);
    const rows = core.telemetry.query({ source: 'app', limit: 50 }).rows;
    expect(rows).toContainEqual(expect.objectContaining({ level: 'info', message: 'call rejected', endpoint: '/api/stage.set', method: 'POST', status: 400, trace_id: 'req-tele-1' }));
    expect(rows).toContainEqual(expect.objectContaining({ level: 'warn', message: 'disk almost full', meta: { detail: 'x' } }));
    // counted as the app's own in the rollups, apart from the founder's sources
    expect(core.db.prepare("SELECT DISTINCT own FROM telemetry_rollup_levels WHERE grain = 'minute'").pluck().all()).toEqual([1]);
    expect(core.telemetry.appLog(0).warnings).toBeGreaterThanOrEqual(1);
    expect(core.telemetry.flushAppLogs()).toBe(0);
    core.close();
  });
});
