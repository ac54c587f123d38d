/** The launch stage's public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { StageService, type StageEffects } from './stage-service';
