import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createDispatcher } from '../../api/dispatcher';
import { createCore } from '..';

describe('app updates without an updater (levqor serve, the CLI)', () => {
  it('reports none found and nothing installable, and app.installUpdate says why it cannot', async () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const api = createDispatcher(core);
    expect(await api.call('app.updateStatus', {})).toEqual({ ok: true, value: { canInstall: false, available: null, pendingApprovalId: null } });
    expect(await api.call('app.installUpdate', {})).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'app.installUpdate: this process has no app updater: only the packaged desktop app installs updates (levqor serve, the CLI and development builds cannot)',
      },
    });
    expect(core.approvals.list({ limit: 5 })).toEqual([]);
    core.close();
  });
});
