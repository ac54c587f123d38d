/** Workflows: list, editor, run history, live run view and analytics (src-renderer/src/areas/workflows/). */
export { default } from './workflows/WorkflowsArea';
