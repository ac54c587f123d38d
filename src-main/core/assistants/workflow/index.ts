export { WorkflowAssistant, withoutModelHint, type WorkflowAssistantDeps } from './workflow-assistant';
export type { WorkflowAssistantPort } from './workflow-port';
export { workflowAnswerSchema } from './answer-schema';
export { workflowDiff } from './workflow-diff';
