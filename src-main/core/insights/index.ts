export { InsightsService, type InsightActions, type InsightsDeps } from './insights-service';
export type { InsightSources, ChurnedCustomer, EndpointLatency, LaunchFacts } from './sources';
export { defineInsightRule, type InsightRule, type RuleContext } from './rule-kit';
export { insightRules } from './rules';
export { rulesThisWeek, thisWeekSize, briefReuseMs } from './brief';
export type { HistoryFilter } from './history-store';
