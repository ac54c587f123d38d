/** Workflows: list, editor, run history, live run view and analytics. */
export { default } from './WorkflowsArea';
