import { defineHardeningItem } from './item';

export const dataMapHardening = defineHardeningItem({ id: 'compliance.dataMap', label: 'Data map complete', where: 'any', fix: '#/compliance' }, async ({ dataMap }) => {
  const coverage = await dataMap.coverage();
  if (!coverage.built) return { status: 'warn', reason: coverage.reason };
  if (coverage.uncoveredTables.length > 0) return { status: 'fail', reason: `Not mapped: ${coverage.uncoveredTables.join(', ')}.` };
  return { status: 'pass', reason: `All ${coverage.tableCount} tables are mapped.` };
});
