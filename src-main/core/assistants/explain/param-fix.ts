import { z } from 'zod';
import type { ExplainParamFix } from '../../../../shared/contract/ai-explain';
import type { WorkflowDocument } from '../../../../shared/workflow';
import { CoreError } from '../../errors';
import type { ExplainSources } from './explain-sources';

export type FixCheck = { ok: true; workflow: WorkflowDocument } | { ok: false; field: string; message: string };

const refused = (field: string, reason: string): FixCheck => ({ ok: false, field, message: `${field}: ${reason}` });

/**
 * The workflow with one param of one step changed, checked as the engine would: the step
 * exists, its type has that param, the new params fit the type's schema, the whole document
 * passes the engine's validator. A fix that changes nothing is refused too.
 */
export function withParamFix(workflow: WorkflowDocument, fix: ExplainParamFix, sources: Pick<ExplainSources, 'paramsOf' | 'problems'>): FixCheck {
  const node = workflow.nodes.find((n) => n.id === fix.stepId);
  if (!node) return refused('fix.stepId', `no step "${fix.stepId}" in the run's workflow (steps: ${workflow.nodes.map((n) => n.id).join(', ')})`);
  const schema = sources.paramsOf(node.type);
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  if (!known.includes(fix.param)) return refused('fix.param', `a ${node.type} step has no param "${fix.param}" (params: ${known.join(', ')})`);
  const params = { ...node.params, [fix.param]: fix.value };
  if (node.params[fix.param] === fix.value) return refused('fix.value', `is already the value of ${fix.stepId}.${fix.param}; a fix must change it`);
  const parsed = schema?.safeParse(params);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    return refused('fix.value', `would make ${fix.stepId}.params.${issue?.path.join('.') ?? fix.param} invalid: ${issue?.message ?? 'is invalid'}`);
  }
  const changed = { ...workflow, nodes: workflow.nodes.map((n) => (n === node ? { ...n, params } : n)) };
  const problems = sources.problems(changed);
  if (problems.length > 0) return refused('fix', `the workflow would not be valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { ok: true, workflow: changed };
}

/** The checked document, or the check's refusal as a BAD_INPUT naming the field. */
export function mustApply(check: FixCheck): WorkflowDocument {
  if (!check.ok) throw new CoreError('BAD_INPUT', check.message, check.field);
  return check.workflow;
}
