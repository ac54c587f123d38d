export { ExplainAssistant, type ExplainDeps } from './explain-assistant';
export type { ExplainSources } from './explain-sources';
