/** The sales pipeline's public entry: other capabilities import from here only (tests/unit/layering.test.ts). */
export { PipelineService, type PipelineServiceDeps, type AnyItem, type ItemEdit } from './pipeline-service';
export type { ListFilter } from './pipeline-store';
export { moveProblem } from './stage-rules';
export { pipelineStats } from './pipeline-stats';
