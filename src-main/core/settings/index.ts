/** Settings' public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { SettingsService } from './settings-service';
