import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher';
import { dispatcherCall } from '../../../tests/helpers/dispatcher-call';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('drafts and versions through the dispatcher', () => {
  it('stores a draft as written (no defaults), lists versions, refuses to run it, restores', async () => {
    t = testCore();
    const api = createDispatcher(t.core);
    const call = dispatcherCall(api);
    // a cron trigger without timezone/overlap and a node without params: the format's defaults must not appear
    const draft = { name: 'Nightly', trigger: { type: 'cron', expr: '0 3 * * *' }, nodes: [{ id: 'a', type: 'crm.sync' }] };
    await expect(call('workflows.save', { workflow: draft })).rejects.toThrow(/nodes\[0\]\.type/);
    const saved = await call('workflows.save', { workflow: draft, draft: true });
    expect(saved).toMatchObject({ draft: true, problems: 1, version: 1, triggerType: 'cron' });
    expect(saved.nextFireAt).toBeUndefined();

    const got = await call('workflows.get', { id: saved.id });
    expect(got.workflow).toEqual(draft);
    expect(got.problems).toEqual([{ path: 'nodes[0].type', message: expect.stringContaining('crm.sync') }]);
    await expect(call('workflows.run', { id: saved.id })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('is a draft') });

    const fixed = { ...draft, nodes: [{ id: 'a', type: 'transform', params: { expression: '1' } }] };
    expect(await call('workflows.save', { id: saved.id, workflow: fixed, draft: true })).toMatchObject({ draft: false, problems: 0, version: 2 });
    expect((await call('workflows.versions', { id: saved.id })).versions).toEqual([
      { version: 2, savedAt: expect.any(Number), name: 'Nightly', draft: false, problems: 0 },
      { version: 1, savedAt: expect.any(Number), name: 'Nightly', draft: true, problems: 1 },
    ]);
    expect((await call('workflows.getVersion', { id: saved.id, version: 1 })).workflow).toEqual(draft);
    expect(await call('workflows.restoreVersion', { id: saved.id, version: 1 })).toMatchObject({ draft: true, version: 3 });
    await expect(call('workflows.getVersion', { id: saved.id, version: 0 })).rejects.toThrow(/version: must be at least 1/);
  });
});
