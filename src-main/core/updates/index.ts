/** App updates' public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { UpdateService, type UpdateDeps } from './update-service';
export type { AppUpdater } from './app-updater';
