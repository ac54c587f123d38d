import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import type { StepClass } from '../../../../../shared/workflow';

export interface PaletteGroup {
  cls: StepClass;
  title: string;
  note: string;
  items: StepTypeInfo[];
}

const groups: Record<StepClass, { title: string; note: string }> = {
  A: { title: 'Class A · internal', note: 'Compute, log, notify you: always runs' },
  B: { title: 'Class B · external', note: 'Low-risk outside effects: dry run before launch unless approved' },
  C: { title: 'Class C · money & customers', note: 'Always needs your approval' },
};

/** Step types grouped by their approval class and filtered by a search over title, type and description. */
export function paletteGroups(types: readonly StepTypeInfo[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const match = (t: StepTypeInfo) => {
    const hay = `${t.title} ${t.type} ${t.description} ${t.classNote ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  return (['A', 'B', 'C'] as const)
    .map((cls) => ({ cls, ...groups[cls], items: types.filter((t) => t.class === cls && match(t)).sort((a, b) => a.title.localeCompare(b.title)) }))
    .filter((g) => g.items.length > 0);
}
