import type { StepTypeInfo } from '../../../shared/contract/workflows';
import type { StepClass } from '../../../shared/workflow';
import { floorClassOf, stepClassOf } from '../../../shared/step-class';
import { classWhenSentOf, type SendingRule } from '../../../shared/sent-output';
import { impliedWidget, inputJsonSchema, jsonSchemaDefaults } from '../json-schema';
import type { AnyStepDefinition, ParamHint } from './step';
import { builtInSteps } from './steps';

/** The step types the engine knows, by type name. */
export class StepRegistry {
  private readonly byType = new Map<string, AnyStepDefinition>();
  private readonly rules = new Map<AnyStepDefinition, SendingRule>();

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

  /** What decides a step's class, as `workflows.stepTypes` tells the editor (shared/step-class.ts). */
  private classRule(step: AnyStepDefinition): SendingRule {
    let rule = this.rules.get(step);
    if (!rule) {
      rule = { class: step.class, classBy: step.classBy, defaults: step.classBy ? jsonSchemaDefaults(inputJsonSchema(step.params)) : undefined, classWhenSent: step.classWhenSent, sendsOut: step.sendsOut };
      this.rules.set(step, rule);
    }
    return rule;
  }

  /** The class a step of this type has with these params (as written or parsed), before a workflow raises it. */
  floorClass(step: AnyStepDefinition, params: unknown): StepClass {
    return floorClassOf(this.classRule(step), params);
  }

  /** The class the validator and the runner apply: the node's own (if higher) or the floor. */
  classOf(step: AnyStepDefinition, params: unknown, nodeClass: StepClass | undefined): StepClass {
    return stepClassOf(this.classRule(step), params, nodeClass);
  }

  /**
   * The class of one node of a workflow: `classOf`, raised to its type's `classWhenSent` when a
   * node that sends outward uses its output (shared/sent-output.ts). Nodes are read as written.
   */
  classInWorkflow(step: AnyStepDefinition, params: unknown, node: { id: string; class?: StepClass | undefined }, nodes: readonly unknown[]): StepClass {
    const cls = this.classOf(step, params, node.class);
    if (!step.classWhenSent) return cls;
    return classWhenSentOf(cls, this.classRule(step), node.id, nodes, (type) => {
      const other = this.get(type);
      return other && this.classRule(other);
    });
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
        ...(step.classBy ? { classBy: step.classBy } : {}),
        ...(step.classWhenSent ? { classWhenSent: step.classWhenSent } : {}),
        ...(step.sendsOut ? { sendsOut: true } : {}),
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
