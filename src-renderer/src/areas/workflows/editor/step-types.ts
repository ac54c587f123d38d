import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';

let cached: Promise<StepTypeInfo[]> | undefined;

/** The step library does not change while the app runs: ask the engine once. */
export function loadStepTypes(): Promise<StepTypeInfo[]> {
  cached ??= getApi()
    .workflows.stepTypes({})
    .then((r) => r.stepTypes)
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}
