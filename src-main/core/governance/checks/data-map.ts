import { missingTables } from '../../data-map-port';
import { block, definePreflightCheck, pass, warn } from '../check';

/** Every table is in the compliance data map, so an erasure or export can reach every row about a person. */
export const dataMapComplete = definePreflightCheck({ id: 'compliance.dataMap', label: 'The data map covers every table', fix: '#/compliance', unreachable: 'warn' }, async ({ sources }) => {
  const coverage = await sources.dataMap.coverage();
  if (!coverage.complete) return block(`The data map leaves out ${missingTables(coverage)}: say which columns hold personal data there.`);
  if (!coverage.remoteChecked) return warn(`The ${coverage.tables} tables of this machine are mapped; the shared Postgres could not be read, so its tables were not compared.`);
  return pass(`All ${coverage.tables} tables are mapped.`);
});
