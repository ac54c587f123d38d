import type { StepTypeInfo } from '../../../shared/contract/workflows';
import { maxClass, type StepClass } from '../../../shared/workflow';
import { impliedWidget, inputJsonSchema, jsonSchemaDefaults } from '../json-schema';
import type { AnyStepDefinition, ParamHint } from './step';
import { builtInSteps } from './steps';

/** The step types the engine knows, by type name. */
export class StepRegistry {
  private readonly byType = new Map<string, AnyStepDefinition>();

  constructor(steps: readonly AnyStepDefinition[] = builtInSteps) {
    for (const step of steps) {
      if (this.byType.has(step.type)) throw new Error(`step type ${step.type} is registered twice`);
      this.byType.set(step.type, step);
    }
  }

  get(type: string): AnyStepDefinition | undefined {
    return this.byType.get(type);
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  /** The class a step of this type has with these (parsed) params: the type's floor. */
  floorClass(step: AnyStepDefinition, params: unknown): StepClass {
    if (!step.classFor) return step.class;
    try {
      return step.classFor(params);
    } catch {
      return step.class;
    }
  }

  /** The class the runner applies: the node's own (if higher) or the type's floor. */
  effectiveClass(step: AnyStepDefinition, params: unknown, nodeClass: StepClass | undefined): StepClass {
    const floor = this.floorClass(step, params);
    return nodeClass ? maxClass(nodeClass, floor) : floor;
  }

  /** The palette for the editor: params as JSON Schema, ports, UI hints, defaults. */
  describe(): StepTypeInfo[] {
    return [...this.byType.values()].map((step) => {
      const paramsSchema = inputJsonSchema(step.params);
      return {
        type: step.type,
        title: step.title,
        description: step.description,
        class: step.class,
        ...(step.classNote ? { classNote: step.classNote } : {}),
        ports: [...step.ports],
        paramsSchema,
        ui: hintsWithWidgets(step.ui, paramsSchema),
        defaults: jsonSchemaDefaults(paramsSchema),
      };
    });
  }
}

/** Each hint with its widget: the one it names, else the one its param's schema implies. */
function hintsWithWidgets(ui: Record<string, ParamHint>, paramsSchema: Record<string, unknown>): StepTypeInfo['ui'] {
  const properties = (paramsSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(ui).map(([param, { label, ...rest }]) => [param, { label, widget: rest.widget ?? impliedWidget(properties[param] ?? {}), ...rest }]));
}
