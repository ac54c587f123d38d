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

/** `defineHardeningItem({ id, label, where, fix }, judge)`: what it is on one line, then how it is judged. */
export function defineHardeningItem(about: Omit<HardeningItemDef, 'judge'>, judge: HardeningItemDef['judge']): HardeningItemDef {
  return { ...about, judge };
}
