import type { DfyRequest, Lead, PipelineChange } from '../../../../shared/contract/pipeline';
import type { DfyStage, LeadStage, PipelineKind } from '../../../../shared/pipeline-stages';
import { getApi } from '../../api/client';

export type Item = Lead | DfyRequest;
export type ItemWithChanges = Item & { changes: PipelineChange[] };

/** What the founder edits in the detail panel. */
export interface ItemEdit {
  notes?: string | null;
  value?: { amountMinor: number; currency: string } | null;
}

/** The most a board loads: far more than a founder's open pipeline holds. */
const maxItems = 2_000;

/** Every item of a kind from the local copy, newest first, page by page. */
export async function loadItems(kind: PipelineKind): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = kind === 'lead' ? await getApi().revenue.leads({ limit: 500, ...(cursor ? { cursor } : {}) }) : await getApi().revenue.dfyRequests({ limit: 500, ...(cursor ? { cursor } : {}) });
    items.push(...('leads' in page ? page.leads : page.requests));
    cursor = page.nextCursor;
  } while (cursor && items.length < maxItems);
  return items;
}

export function loadItem(kind: PipelineKind, id: string): Promise<ItemWithChanges> {
  return kind === 'lead' ? getApi().revenue.lead({ id }) : getApi().revenue.dfyRequest({ id });
}

/** Moves an item; a refused move throws the rule's error (BAD_INPUT on `stage`). */
export function moveItem(kind: PipelineKind, id: string, stage: string, note?: string): Promise<Item> {
  const withNote = note !== undefined ? { note } : {};
  return kind === 'lead' ? getApi().revenue.moveLead({ id, stage: stage as LeadStage, ...withNote }) : getApi().revenue.moveDfy({ id, stage: stage as DfyStage, ...withNote });
}

export function updateItem(kind: PipelineKind, id: string, edit: ItemEdit): Promise<Item> {
  return kind === 'lead' ? getApi().revenue.updateLead({ id, ...edit }) : getApi().revenue.updateDfy({ id, ...edit });
}
