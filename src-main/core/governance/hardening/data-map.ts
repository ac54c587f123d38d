import { missingTables } from '../../data-map-port';
import { defineHardeningItem } from './item';

export const dataMapHardening = defineHardeningItem({ id: 'compliance.dataMap', label: 'Data map complete', where: 'any', fix: '#/compliance' }, async ({ dataMap }) => {
  const coverage = await dataMap.coverage();
  if (!coverage.complete) return { status: 'fail', reason: `Not mapped: ${missingTables(coverage)}.` };
  if (!coverage.remoteChecked) return { status: 'warn', reason: `The ${coverage.tables} tables of this machine are mapped; the shared Postgres was not compared (not reachable or not set).` };
  return { status: 'pass', reason: `All ${coverage.tables} tables are mapped.` };
});
