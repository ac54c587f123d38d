import { describe, expect, it } from 'vitest';
import { buildApi, LevqorError, type EventName, type ProcedureName, type Transport } from '../../../shared/contract';
import type { SettingEntry } from '../../../shared/contract/settings';
import type { SecretStatus } from '../../../shared/contract/secrets';
import type { StageState } from '../../../shared/contract/stage';
import { connectLiveUpdates, createAppStore } from './app-store';

const stage: StageState = { stage: 'pre-launch', stored: 'pre-launch', source: 'default' };
const logLevel: SettingEntry = { key: 'logLevel', label: 'Log level', description: '', value: 'info', defaultValue: 'info', source: 'default', env: 'LEVQOR_LOG_LEVEL' };
const openai: SecretStatus = { name: 'openai.apiKey', label: 'OpenAI API key', set: false, source: 'none', env: 'OPENAI_API_KEY' };
const info = { version: '0.1.0', dataDir: '/tmp/x', stage: 'pre-launch', schemaVersion: 2, platform: 'linux', nodeVersion: '20' } as const;

/** An in-memory transport: canned answers per procedure, and a way to push events. */
function fakeTransport(answer: (name: ProcedureName, input: unknown) => unknown) {
  const calls: { name: ProcedureName; input: unknown }[] = [];
  let push: ((name: EventName, payload: unknown) => void) | undefined;
  const transport: Transport = {
    async call(name, input) {
      calls.push({ name, input });
      const out = answer(name, input);
      if (out instanceof LevqorError) throw out;
      return out;
    },
    subscribe(listener) {
      push = listener;
      return () => (push = undefined);
    },
  };
  return { api: buildApi(transport), calls, emit: (name: EventName, payload: unknown) => push?.(name, payload) };
}

const defaults = (name: ProcedureName, input: unknown): unknown => {
  switch (name) {
    case 'app.info':
      return info;
    case 'stage.get':
      return stage;
    case 'stage.set':
      return { ...stage, stage: (input as { stage: string }).stage, stored: (input as { stage: string }).stage, source: 'stored' };
    case 'settings.get':
      return { settings: [logLevel] };
    case 'settings.set':
      return { ...logLevel, value: (input as { value: unknown }).value, source: 'stored' };
    case 'secrets.status':
      return { secrets: [openai] };
    case 'secrets.set':
      return { ...openai, set: true, source: 'stored', updatedAt: 1 };
    case 'app.updateStatus':
      return { canInstall: false, available: null, pendingApprovalId: null };
    default:
      return { ...openai };
  }
};

describe('app store', () => {
  it('loads info, stage, settings and secrets', async () => {
    const { api } = fakeTransport(defaults);
    const store = createAppStore(api);
    await store.getState().load();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.stage?.stage).toBe('pre-launch');
    expect(s.settings.map((e) => e.key)).toEqual(['logLevel']);
    expect(s.secrets.map((e) => e.name)).toEqual(['openai.apiKey']);
  });

  it('locks on a 401 and reports other load failures', async () => {
    const locked = createAppStore(fakeTransport(() => new LevqorError({ code: 'UNAUTHORIZED', message: 'token' })).api);
    await locked.getState().load();
    expect(locked.getState().status).toBe('locked');

    const broken = createAppStore(fakeTransport(() => new LevqorError({ code: 'UNAVAILABLE', message: 'server gone' })).api);
    await broken.getState().load();
    expect(broken.getState()).toMatchObject({ status: 'error', loadError: 'server gone' });
  });

  it('rejects a bad setting with the API error and keeps the value', async () => {
    const { api } = fakeTransport((name, input) =>
      name === 'settings.set' ? new LevqorError({ code: 'BAD_INPUT', message: 'value: logLevel must be …', field: 'value' }) : defaults(name, input),
    );
    const store = createAppStore(api);
    await store.getState().load();
    await expect(store.getState().setSetting('logLevel', 'loud')).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'value' });
    expect(store.getState().settings[0]?.value).toBe('info');
  });

  it('sends the stage setting through stage.set', async () => {
    const { api, calls } = fakeTransport(defaults);
    const store = createAppStore(api);
    await store.getState().load();
    await store.getState().setSetting('stage', 'post-launch');
    expect(calls.map((c) => c.name)).toContain('stage.set');
    expect(calls.map((c) => c.name)).not.toContain('settings.set');
    expect(store.getState().stage?.stage).toBe('post-launch');
    expect(store.getState().info?.stage).toBe('post-launch');
  });

  it('keeps no secret value in its state', async () => {
    const { api, calls } = fakeTransport(defaults);
    const store = createAppStore(api);
    await store.getState().load();
    await store.getState().setSecret('openai.apiKey', 'sk-very-secret');
    expect(calls.at(-1)).toEqual({ name: 'secrets.set', input: { name: 'openai.apiKey', value: 'sk-very-secret' } });
    expect(JSON.stringify(store.getState())).not.toContain('sk-very-secret');
    expect(store.getState().secrets[0]?.set).toBe(true);
  });

  it('follows events from other windows', async () => {
    const { api, emit } = fakeTransport(defaults);
    const store = createAppStore(api);
    await store.getState().load();
    const off = connectLiveUpdates(api, store);
    emit('stage.changed', { stage: 'post-launch', stored: 'pre-launch', source: 'env', envOverride: 'post-launch' });
    emit('settings.changed', { ...logLevel, value: 'warn', source: 'stored' });
    emit('secrets.changed', { ...openai, set: true, source: 'stored', updatedAt: 5 });
    const s = store.getState();
    expect(s.stage).toMatchObject({ stage: 'post-launch', source: 'env' });
    expect(s.settings[0]).toMatchObject({ value: 'warn', source: 'stored' });
    expect(s.secrets[0]).toMatchObject({ set: true });
    off();
  });

  it('shows an update found by the desktop app, and asks to install it through an approval', async () => {
    const found = { version: '0.2.0', releaseNotes: 'Faster' };
    let status = { canInstall: true, available: null as typeof found | null, pendingApprovalId: null as string | null };
    const { api, calls, emit } = fakeTransport((name, input) => {
      if (name === 'app.updateStatus') return status;
      if (name === 'app.installUpdate') return { id: 'appr-1', status: 'pending', subject: { kind: 'app.update', ref: '0.2.0', title: 'Install 0.2.0' } };
      return defaults(name, input);
    });
    const store = createAppStore(api);
    await store.getState().load();
    expect(store.getState().update).toEqual(status);
    const off = connectLiveUpdates(api, store);
    status = { ...status, available: found };
    emit('app.updateAvailable', found);
    expect(store.getState().update).toEqual({ canInstall: true, available: found, pendingApprovalId: null });
    await store.getState().installUpdate();
    expect(calls.at(-1)).toEqual({ name: 'app.installUpdate', input: {} });
    expect(store.getState().update?.pendingApprovalId).toBe('appr-1');
    // rejected in the Approvals inbox: the notice offers to ask again
    emit('approval.decided', { id: 'appr-1', status: 'rejected', subject: { kind: 'app.update', ref: '0.2.0', title: 'Install 0.2.0' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().update?.pendingApprovalId).toBeNull();
    off();
  });
});
