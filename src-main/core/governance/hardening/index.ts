import type { HardeningReport } from '../../../../shared/contract/governance';
import type { GovernanceSources } from '../sources';
import type { HardeningItemDef } from './item';
import { secretsEncrypted } from './secrets-encrypted';
import { serverLoopback } from './server-loopback';
import { desktopWindowItems, devToolsPackaged } from './desktop-window';
import { updatesAsk } from './updates-ask';
import { backupsScheduled } from './backups-scheduled';
import { retentionSet } from './retention-set';
import { alertsConfigured } from './alerts-configured';
import { dataMapHardening } from './data-map';

/** The hardening checklist in the order Settings shows it; a new item is one file here and one entry in this list. */
export const hardeningItems: readonly HardeningItemDef[] = [secretsEncrypted, serverLoopback, ...desktopWindowItems, devToolsPackaged, updatesAsk, backupsScheduled, retentionSet, alertsConfigured, dataMapHardening];

export async function judgeHardening(items: readonly HardeningItemDef[], sources: GovernanceSources, at: number): Promise<HardeningReport> {
  const judged = await Promise.all(items.map(async (item) => ({ id: item.id, label: item.label, where: item.where, fix: item.fix, ...(await item.judge(sources)) })));
  return { at, items: judged };
}
