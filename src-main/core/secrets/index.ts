/** Secrets' public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { SecretStore } from './secret-store';
