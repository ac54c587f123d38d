import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import type { StepClass } from '../../../../../shared/workflow';
import { stepClassOf } from '../../../../../shared/step-class';

export interface PaletteGroup {
  cls: StepClass;
  title: string;
  note: string;
  items: StepTypeInfo[];
}

const groups: Record<StepClass, { title: string; note: string }> = {
  A: { title: 'Class A · internal', note: 'Compute, log, notify you: always runs' },
  B: { title: 'Class B · external', note: 'Low-risk outside effects: before launch each asks for your approval' },
  C: { title: 'Class C · money & customers', note: 'Always needs your approval' },
};

/** The class a step of this type gets when added with its defaults (an HTTP request is a GET: Class A). */
export function newStepClass(t: StepTypeInfo): StepClass {
  return stepClassOf(t, t.defaults);
}

/** Step types grouped by the class they are added with and filtered by a search over title, type and description. */
export function paletteGroups(types: readonly StepTypeInfo[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const match = (t: StepTypeInfo) => {
    const hay = `${t.title} ${t.type} ${t.description} ${t.classNote ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  return (['A', 'B', 'C'] as const)
    .map((cls) => ({ cls, ...groups[cls], items: types.filter((t) => newStepClass(t) === cls && match(t)).sort((a, b) => a.title.localeCompare(b.title)) }))
    .filter((g) => g.items.length > 0);
}
