import type { TemplateCategory, TemplateSummary } from '../../../shared/contract/templates';
import { CoreError } from '../errors';
import type { StepRegistry } from './registry';
import { checkTemplateInputs, fillTemplate, type TemplateInputDeclaration, type TemplateValues } from './template-inputs';
import type { WorkflowService } from './workflow-service';

/** A template as its file in templates/ holds it. */
export interface WorkflowTemplate {
  id: string;
  name: string;
  description: string;
  category: TemplateCategory;
  inputs: TemplateInputDeclaration[];
  /** The run input the tests dry-run it with (an event's payload, a manual trigger's fields). */
  sampleRun?: Record<string, unknown>;
  /** The engine's own workflow document, with `[[input]]` placeholders. */
  workflow: Record<string, unknown>;
}

export interface UsedTemplate {
  id: string;
  name: string;
  templateId: string;
  workflow: Record<string, unknown>;
}

function stepTypesOf(t: WorkflowTemplate): string[] {
  const nodes = Array.isArray(t.workflow.nodes) ? (t.workflow.nodes as { type?: unknown }[]) : [];
  return nodes.map((n) => String(n.type));
}

/** The gallery: templates whose step types all exist here, and making a disabled workflow from one. */
export class TemplateService {
  constructor(
    private readonly workflows: WorkflowService,
    private readonly registry: StepRegistry,
    private readonly all: readonly WorkflowTemplate[],
  ) {}

  /** Only templates this build can run: one naming a missing step type stays out of the gallery. */
  available(): WorkflowTemplate[] {
    return this.all.filter((t) => stepTypesOf(t).every((type) => this.registry.has(type)));
  }

  list(): TemplateSummary[] {
    return this.available().map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      category: t.category,
      inputs: t.inputs.map(({ name, type, label, description, default: fallback }) => ({ name, type, label, ...(description !== undefined ? { description } : {}), ...(fallback !== undefined ? { default: fallback } : {}) })),
      stepTypes: [...new Set(stepTypesOf(t))],
    }));
  }

  /** The template's document with the inputs in; throws (naming the input) before anything is saved. */
  fill(id: string, inputs: TemplateValues): Record<string, unknown> {
    const template = this.available().find((t) => t.id === id);
    if (!template) throw new CoreError('NOT_FOUND', `id: no template has id "${id}" (levqor templates lists them)`, 'id');
    return fillTemplate(template.workflow, checkTemplateInputs(template.inputs, inputs)) as Record<string, unknown>;
  }

  /** Saves the filled document as a new workflow, disabled: using a template never enables or runs anything. */
  use(id: string, inputs: TemplateValues): UsedTemplate {
    const workflow = this.fill(id, inputs);
    const saved = this.workflows.save(undefined, workflow, false);
    return { id: saved.id, name: saved.name, templateId: id, workflow };
  }
}
