import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureNames, type ProcedureName, type ProceduresOf } from '../../shared/contract';
import type { StagePreview } from '../../shared/contract/stage';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore } from '../core';
import { createDispatcher } from './dispatcher';
import type { HandlerMap } from './handler';

const secretValue = 'sk-test-DISPATCHER-LEAK-CHECK-42';

function setup() {
  const dataDir = tempDir();
  const core = createCore({ dataDir, env: {} });
  return { core, dataDir, api: createDispatcher(core) };
}

describe('dispatcher', () => {
  it('runs a procedure and returns the contract output', async () => {
    const { core, api } = setup();
    const result = await api.call('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { stage: 'pre-launch', schemaVersion: expect.any(Number) } });
    core.close();
  });

  it('names a namespace’s procedures from the contract, and a handler map must cover them (checked by npm run typecheck)', () => {
    const stage: ProceduresOf<'stage'>[] = ['stage.get', 'stage.preview', 'stage.set'];
    expect(procedureNames.filter((name) => name.startsWith('stage.'))).toEqual(stage);
    const state = { stage: 'pre-launch', stored: 'pre-launch', source: 'default' } as const;
    const preview: StagePreview = { stage: 'post-launch', current: 'pre-launch', changes: true, releasedUploads: [], classBSteps: [] };
    const complete: HandlerMap<ProceduresOf<'stage'>> = { 'stage.get': () => state, 'stage.preview': () => preview, 'stage.set': () => state };
    // @ts-expect-error a procedure of the namespace ('stage.set') has no handler
    const missing: HandlerMap<ProceduresOf<'stage'>> = { 'stage.get': () => state, 'stage.preview': () => preview };
    // @ts-expect-error the dispatcher's map needs a handler for every procedure
    const partial: HandlerMap<ProcedureName> = { ...complete };
    expect(Object.keys(partial)).toEqual(['stage.get', 'stage.preview', 'stage.set']);
    expect(Object.keys(missing)).toEqual(['stage.get', 'stage.preview']);
  });

  it('answers an unknown procedure with UNKNOWN_PROCEDURE', async () => {
    const { core, api } = setup();
    expect(await api.call('app.nope', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'Unknown procedure "app.nope"' } });
    core.close();
  });

  it('rejects invalid input naming the field, and changes nothing', async () => {
    const { core, api } = setup();
    const result = await api.call('stage.set', { stage: 'launched' });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'stage: must be pre-launch or post-launch', field: 'stage' } });
    expect(await api.call('stage.set', { stage: 'post-launch', extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    expect(await api.call('secrets.set', { name: 'openai.apiKey', value: '' })).toMatchObject({ ok: false, error: { field: 'value' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM secrets').get()).toEqual({ n: 0 });
    core.close();
  });

  it('never returns a secret value through any procedure, and never logs it', async () => {
    const { core, api, dataDir } = setup();
    expect(await api.call('secrets.set', { name: 'openai.apiKey', value: secretValue })).toMatchObject({ ok: true, value: { set: true } });
    // every procedure that takes no required input, plus the ones about secrets
    const outputs: unknown[] = [];
    for (const name of procedureNames) outputs.push(await api.call(name, {}));
    outputs.push(await api.call('secrets.set', { name: 'openai.apiKey', value: secretValue }));
    outputs.push(await api.call('settings.get', { key: 'stage' }));
    expect(JSON.stringify(outputs)).not.toContain(secretValue);
    core.log.flush();
    expect(readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8')).not.toContain(secretValue);
    core.close();
  });

  it('answers a procedure that names its transports only over those', async () => {
    const { core, api } = setup();
    const delivery = { path: 'nobody-here', secret: 's', body: { id: 1 }, headers: {} };
    for (const transport of ['cli', 'ipc'] as const) {
      expect(await api.call('workflows.webhook', delivery, { transport })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: `"workflows.webhook" cannot be called over ${transport}, only over http`, field: 'procedure' },
      });
    }
    expect(await api.call('workflows.webhook', delivery, { transport: 'http' })).toEqual({ ok: true, value: { status: 404, error: 'no active webhook at /hooks/nobody-here' } });
    expect(core.runs.list({ limit: 10 })).toEqual([]);
    core.close();
  });

  it('turns a thrown error into INTERNAL with a request id, never a stack', async () => {
    const { core, api } = setup();
    core.db.close(); // any handler touching the store now throws a plain Error
    const result = await api.call('secrets.status', {}, { requestId: 'req-1' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('req-1') } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs each call with its request id', async () => {
    const { core, api, dataDir } = setup();
    core.log.level = 'debug';
    await api.call('stage.get', {}, { requestId: 'req-abc', transport: 'http' });
    core.log.flush();
    const lines = readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toContainEqual(expect.objectContaining({ reqId: 'req-abc', procedure: 'stage.get', transport: 'http' }));
    core.close();
  });
});
