import { z } from 'zod';
import { recordId, noInput } from './common';
import { procedure } from './procedure';

export const templateCategories = ['launch', 'content', 'revenue', 'reliability', 'customer care', 'operations'] as const;
export type TemplateCategory = (typeof templateCategories)[number];

/** What a founder types for an input; each kind has its own check (core/workflows/template-inputs.ts). */
export const templateInputTypes = ['text', 'number', 'url', 'email', 'product', 'channel'] as const;
export type TemplateInputType = (typeof templateInputTypes)[number];

export const templateInputSchema = z.object({
  name: z.string(),
  type: z.enum(templateInputTypes),
  label: z.string(),
  description: z.string().optional(),
  /** Filled in when the founder leaves the input empty; an input without one is required. */
  default: z.union([z.string(), z.number()]).optional(),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.enum(templateCategories),
  inputs: z.array(templateInputSchema),
  /** The step types the template's workflow uses, in file order. */
  stepTypes: z.array(z.string()),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templatesProcedures = {
  'templates.list': procedure({
    summary: 'The growth workflow templates whose step types all exist here: name, description, category and the inputs each asks for.',
    input: noInput,
    output: z.object({ templates: z.array(templateSummarySchema) }),
  }),
  'templates.use': procedure({
    summary: 'Makes a new workflow from a template with the given inputs, saved disabled (never enabled or run by this), and returns it for the editor. A wrong input changes nothing.',
    input: z
      .object({
        id: recordId,
        inputs: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      })
      .strict(),
    output: z.object({ id: z.string(), name: z.string(), templateId: z.string(), workflow: z.record(z.string(), z.unknown()) }),
  }),
};
