import { block, definePreflightCheck, pass, warn } from '../check';

/** Every table is in the compliance data map, so an erasure or export can reach every row about a person. */
export const dataMapComplete = definePreflightCheck({ id: 'compliance.dataMap', label: 'The data map covers every table', fix: '#/compliance', unreachable: 'warn' }, async ({ sources }) => {
  const coverage = await sources.dataMap.coverage();
  if (!coverage.built) return warn(coverage.reason);
  if (coverage.uncoveredTables.length > 0) return block(`The data map leaves out ${coverage.uncoveredTables.join(', ')}: say which columns hold personal data there.`);
  return pass(`All ${coverage.tableCount} tables are mapped.`);
});
