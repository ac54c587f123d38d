import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { LevqorError, type RendererApi } from '../../../shared/contract';
import type { AppInfo, AvailableUpdate, UpdateStatus } from '../../../shared/contract/app';
import type { StageState } from '../../../shared/contract/stage';
import type { SettingEntry } from '../../../shared/contract/settings';
import type { SecretStatus } from '../../../shared/contract/secrets';
import type { LaunchStage } from '../../../shared/stage';
import { toLevqorError } from '../api/to-levqor-error';

export type LoadStatus = 'loading' | 'ready' | 'error' | 'locked';

export interface AppState {
  status: LoadStatus;
  loadError: string | undefined;
  info: AppInfo | undefined;
  stage: StageState | undefined;
  settings: SettingEntry[];
  secrets: SecretStatus[];
  /** The update the desktop app found, whether it can install here, and its waiting approval. */
  update: UpdateStatus | undefined;

  load(): Promise<void>;
  setStage(stage: LaunchStage): Promise<void>;
  /** Rejects with the API's LevqorError so the field can show it. */
  setSetting(key: string, value: unknown): Promise<void>;
  /** The value goes straight to the API and is never kept in the store. */
  setSecret(name: string, value: string): Promise<void>;
  clearSecret(name: string): Promise<void>;
  /** Asks for the founder's approval to install the available update (app.installUpdate). */
  installUpdate(): Promise<void>;
  refreshUpdate(): Promise<void>;

  stageChanged(stage: StageState): void;
  settingChanged(entry: SettingEntry): void;
  secretChanged(status: SecretStatus): void;
  updateFound(update: AvailableUpdate): void;
}

export type AppStore = UseBoundStore<StoreApi<AppState>>;

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): T[] {
  return list.some(same) ? list.map((x) => (same(x) ? item : x)) : [...list, item];
}

/** All app-wide state; every change from any window arrives through the events too. */
export function createAppStore(api: RendererApi): AppStore {
  return create<AppState>()((set, get) => {
    /** Runs an API call; a 401 anywhere locks the whole app. */
    async function guard<T>(run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (err) {
        const error = toLevqorError(err);
        if (error.code === 'UNAUTHORIZED') set({ status: 'locked' });
        throw error;
      }
    }

    return {
      status: 'loading',
      loadError: undefined,
      info: undefined,
      stage: undefined,
      settings: [],
      secrets: [],
      update: undefined,

      async load() {
        try {
          const [info, stage, settings, secrets, update] = await guard(() =>
            Promise.all([api.app.info({}), api.stage.get({}), api.settings.get({}), api.secrets.status({}), api.app.updateStatus({})]),
          );
          set({ status: 'ready', loadError: undefined, info, stage, settings: settings.settings, secrets: secrets.secrets, update });
        } catch (err) {
          if (get().status === 'locked') return;
          set({ status: 'error', loadError: (err as LevqorError).message });
        }
      },

      async setStage(stage) {
        get().stageChanged(await guard(() => api.stage.set({ stage })));
      },

      async setSetting(key, value) {
        if (key === 'stage') {
          // through the stage service, so every window hears stage.changed as well
          await get().setStage(value as LaunchStage);
          return;
        }
        get().settingChanged(await guard(() => api.settings.set({ key, value })));
      },

      async setSecret(name, value) {
        get().secretChanged(await guard(() => api.secrets.set({ name, value })));
      },

      async clearSecret(name) {
        get().secretChanged(await guard(() => api.secrets.clear({ name })));
      },

      async installUpdate() {
        const approval = await guard(() => api.app.installUpdate({}));
        const update = get().update;
        if (update) set({ update: { ...update, pendingApprovalId: approval.status === 'pending' ? approval.id : null } });
      },

      async refreshUpdate() {
        set({ update: await guard(() => api.app.updateStatus({})) });
      },

      stageChanged(stage) {
        const info = get().info;
        set({ stage, ...(info ? { info: { ...info, stage: stage.stage } } : {}) });
      },

      settingChanged(entry) {
        set({ settings: upsert(get().settings, entry, (s) => s.key === entry.key) });
        if (entry.key === 'stage') {
          // a stage stored through settings.set comes without stage.changed: ask for it
          void guard(() => api.stage.get({})).then(get().stageChanged, () => undefined);
        }
      },

      secretChanged(status) {
        set({ secrets: upsert(get().secrets, status, (s) => s.name === status.name) });
      },

      updateFound(update) {
        // a new find withdraws any request about another version: ask for the whole state
        const current = get().update;
        set({ update: { canInstall: current?.canInstall ?? false, available: update, pendingApprovalId: null } });
        void get().refreshUpdate().catch(() => undefined);
      },
    };
  });
}

/** Keeps the store in step with changes made elsewhere (another window, the CLI). */
export function connectLiveUpdates(api: RendererApi, store: AppStore): () => void {
  const offs = [
    api.on('stage.changed', (payload) => store.getState().stageChanged(payload)),
    api.on('settings.changed', (payload) => store.getState().settingChanged(payload)),
    api.on('secrets.changed', (payload) => store.getState().secretChanged(payload)),
    api.on('app.updateAvailable', (payload) => store.getState().updateFound(payload)),
    // the request to install may be decided in the Approvals inbox, another window or the CLI
    api.on('approval.decided', (payload) => {
      if (payload.subject.kind === 'app.update') void store.getState().refreshUpdate().catch(() => undefined);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
