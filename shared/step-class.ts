import { z } from 'zod';
import { maxClass, stepClasses, stepClassSchema, type StepClass } from './workflow';

/**
 * A step type whose class depends on one of its params: `{ param: 'method', classes: { GET: 'A',
 * HEAD: 'A' } }` makes an http.request Class A when its method is GET or HEAD and the type's own
 * class otherwise. Data rather than code, so the editor (through `workflows.stepTypes`), the
 * validator and the runner read the same rule.
 */
export const classByParamSchema = z.object({ param: z.string(), classes: z.record(z.string(), stepClassSchema) });
export type ClassByParam = z.infer<typeof classByParamSchema>;

/** What decides a step's class: the type's class, its param rule and the params' defaults. */
export interface StepClassRule {
  class: StepClass;
  classBy?: ClassByParam | undefined;
  /** Param defaults: a param left out takes its default, as the engine's parse does. */
  defaults?: Record<string, unknown> | undefined;
}

function isStepClass(value: unknown): value is StepClass {
  return (stepClasses as readonly unknown[]).includes(value);
}

/** The class a step of this type has with these params, before the workflow raises it. */
export function floorClassOf(rule: StepClassRule, params: unknown): StepClass {
  const by = rule.classBy;
  if (!by) return rule.class;
  const given = params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>)[by.param] : undefined;
  const value = given === undefined ? rule.defaults?.[by.param] : given;
  // a value only known at run time (a template) or not listed keeps the type's own class
  const listed = typeof value === 'string' && Object.hasOwn(by.classes, value) ? by.classes[value] : undefined;
  return listed ?? rule.class;
}

/**
 * The one answer to "what class is this step": the floor its type and params give, raised by
 * the node's own `class` when that is higher (a workflow may raise a class, never lower it).
 * The editor's canvas, palette and side panel, the validator and the runner all call this.
 */
export function stepClassOf(rule: StepClassRule, params: unknown, nodeClass?: unknown): StepClass {
  const floor = floorClassOf(rule, params);
  return isStepClass(nodeClass) ? maxClass(nodeClass, floor) : floor;
}
