import type { HardeningItem } from '../../../../shared/contract/governance';
import type { GovernanceSources } from '../sources';

export type HardeningVerdict = Pick<HardeningItem, 'status' | 'reason'>;

/**
 * One item of the hardening checklist: one file in hardening/ and one entry in
 * `hardeningItems` (hardening/index.ts). `where: 'desktop'` items can be judged only inside
 * the desktop app; elsewhere they answer `unknown`, saying so.
 */
export interface HardeningItemDef {
  id: string;
  label: string;
  where: HardeningItem['where'];
  fix: string;
  judge(sources: GovernanceSources): HardeningVerdict | Promise<HardeningVerdict>;
}

export function defineHardeningItem(def: HardeningItemDef): HardeningItemDef {
  return def;
}
