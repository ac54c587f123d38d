import type { Checklist, ChecklistSlot, OmegaPackResult } from '../../../shared/contract/products';
import type { Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

const stateWords: Record<OmegaPackResult['entries'][number]['state'], string> = {
  created: 'created',
  unchanged: 'already there',
  kept: 'kept as you edited it',
};

function showPack(result: OmegaPackResult): string {
  return [`Omega pack: ${result.root}`, formatRows(result.entries.map((e) => [`${e.path}${e.kind === 'folder' ? '/' : ''}`, stateWords[e.state]]))].join('\n');
}

function slotState(s: ChecklistSlot): string {
  if (!s.present) return 'empty';
  if (!s.png) return `not a PNG${s.problem ? ` (${s.problem})` : ''}`;
  return `PNG ${s.width}×${s.height}${s.sizeNote ? ` (${s.sizeNote})` : ''}`;
}

/** Every slot by folder, with its style where the folder has styles, and whether a real PNG is there. */
export function showAssets(list: Checklist): string {
  const rows = list.slots.map((s): [string, string] => [s.path, `${s.style ? `${s.style} style  ` : ''}${slotState(s)}`]);
  return [`${list.filled} of ${list.total} slots hold a PNG (${list.omegaDir})`, formatRows(rows)].join('\n');
}

export const productOmegaCommands: Command[] = [
  procedureCommand('products.omegaPack', {
    usage: 'product omega-pack',
    summary: 'Create the root Levqor-Omega-Empire-Pack/ (HYBRID FLUX WAVE brand tokens as JSON and CSS, Brand-Geometry/, a README of the layout); never overwrites your edits.',
    show: showPack,
  }),
  procedureCommand('products.checklist', {
    usage: 'product assets SLUG',
    summary: 'Every Omega slot of a product by folder, with its style (Social-Posts: quote, tip, promo) and whether a real PNG is there.',
    positionals: { slug: 'SLUG' },
    json: ({ slug, omegaDir, slots, filled, total }) => ({ slug, omegaDir, slots, filled, total }),
    show: showAssets,
  }),
];
