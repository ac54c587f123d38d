import { useEffect, useState, type ReactNode } from 'react';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { classRank, stepClasses, type StepClass } from '../../../../../shared/workflow';
import { floorClassOf, stepClassOf } from '../../../../../shared/step-class';
import { classWhenSentOf } from '../../../../../shared/sent-output';
import { ClassBadge } from '../../../components/ClassBadge';
import { approvalNote } from '../canvas/approval-note';
import { rawEdges, rawNodes } from '../canvas/flow-model';
import { idProblem, type Doc, type RawNode } from './doc-ops';
import { FieldErrors } from './FieldErrors';
import { JsonField } from './JsonField';
import { ParamsForm } from './ParamsForm';
import { RetryFields } from './RetryFields';

interface Props {
  doc: Doc;
  index: number;
  node: RawNode;
  type: StepTypeInfo | undefined;
  stepTypes: StepTypeInfo[];
  errors: Record<string, string[]>;
  /** key: what is being edited, so typing in one field makes one undo step. */
  onPatch: (patch: (n: RawNode) => RawNode, key: string) => void;
  onRename: (id: string) => void;
  onDelete: () => void;
  /** Shown below the settings: the data of earlier steps to pick expressions from. */
  data?: ReactNode;
}

const set = (n: RawNode, key: string, value: unknown): RawNode => {
  const next = { ...n };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

/** The selected step: id, name, type, class, retry, timeout and its params form. */
export function NodePanel({ doc, index, node, type, stepTypes, errors, onPatch, onRename, onDelete, data }: Props) {
  const nodeId = typeof node.id === 'string' ? node.id : `#${index}`;
  const params = node.params && typeof node.params === 'object' && !Array.isArray(node.params) ? (node.params as Record<string, unknown>) : {};
  const override = stepClasses.find((c) => c === node.class);
  const floor = type ? floorClassOf(type, params) : undefined;
  const docNodes = rawNodes(doc);
  const cls = type ? classWhenSentOf(stepClassOf(type, params, override), type, nodeId, docNodes.map((n) => n.raw), (t) => stepTypes.find((s) => s.type === t)) : undefined;
  const typeOf = new Map(docNodes.map((n) => [n.id, typeof n.raw.type === 'string' ? n.raw.type : undefined]));
  const note = approvalNote(
    cls,
    rawEdges(doc).filter((e) => e.to === nodeId).map((e) => e.from),
    (id) => typeOf.get(id),
  );
  return (
    <div className="wfe-panel__body" data-testid="node-panel">
      <header className="wfe-panel__head">
        <ClassBadge small cls={cls} testId="node-panel-class" />
        <div>
          <h2>{type?.title ?? 'Unknown step type'}</h2>
          <p className="muted">{type?.description ?? `“${String(node.type)}” is not in this app’s step library. Pick a type below or delete the step.`}</p>
        </div>
      </header>
      <FieldErrors messages={errors.type} />
      {/* problems of the step as a whole, e.g. an edge from it to a missing step */}
      <FieldErrors messages={errors['']} />
      {!type ? (
        <div className="wfe-field">
          <label htmlFor="wfe-node-type">Step type</label>
          <select
            id="wfe-node-type"
            className="select wfe-input"
            value=""
            onChange={(e) => {
              const t = stepTypes.find((s) => s.type === e.target.value);
              if (t) onPatch((n) => ({ ...n, type: t.type, params: { ...structuredClone(t.defaults), ...params } }), 'type');
            }}
          >
            <option value="">{String(node.type ?? '(none)')} — unknown</option>
            {stepTypes.map((t) => (
              <option key={t.type} value={t.type}>
                {t.title} ({t.type})
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <IdField key={nodeId} doc={doc} index={index} nodeId={nodeId} onRename={onRename} errors={errors.id} />

      <div className="wfe-field">
        <label htmlFor="wfe-node-name">Name</label>
        <input id="wfe-node-name" className="wfe-input" value={typeof node.name === 'string' ? node.name : ''} placeholder={type?.title ?? 'Step name'} onChange={(e) => onPatch((n) => set(n, 'name', e.target.value || undefined), `name:${nodeId}`)} />
        <FieldErrors messages={errors.name} />
      </div>

      <h3 className="eyebrow wfe-panel__section">Settings</h3>
      {type ? (
        <ParamsForm nodeId={nodeId} type={type} params={params} errors={errors} onChange={(key, value) => onPatch((n) => ({ ...n, params: set(params, key, value) }), `param:${nodeId}:${key}`)} />
      ) : (
        <div className="wfe-field">
          <label htmlFor="wfe-node-params">Params (JSON)</label>
          <JsonField id="wfe-node-params" value={node.params} rows={6} onChange={(v) => onPatch((n) => set(n, 'params', v), `params:${nodeId}`)} />
          <FieldErrors messages={errors.params} />
        </div>
      )}

      {data}

      <h3 className="eyebrow wfe-panel__section">Approval class</h3>
      <div className="wfe-field">
        <label htmlFor="wfe-node-class">Class</label>
        <select id="wfe-node-class" className="select wfe-input" value={override ?? ''} onChange={(e) => onPatch((n) => set(n, 'class', e.target.value || undefined), `class:${nodeId}`)}>
          <option value="">{floor ? `The type’s own (${floor})` : 'The type’s own'}</option>
          {stepClasses
            .filter((c: StepClass) => !floor || classRank(c) > classRank(floor))
            .map((c) => (
              <option key={c} value={c}>
                Raise to {c}
              </option>
            ))}
        </select>
        <p className="wfe-field__help">{type?.classNote ?? 'A workflow may raise a step’s class, never lower it.'}</p>
        {note ? (
          <p className="wfe-field__help" data-testid="node-panel-approval-note">
            <strong>{note.text}.</strong>{' '}
            {note.kind === 'asks'
              ? 'Before launch it shows you what it would do (its dry run) and runs for real once you approve. An approval step directly before it asks instead.'
              : 'Once that approval is given, this step runs for real without asking again.'}
          </p>
        ) : null}
        <FieldErrors messages={errors.class} />
      </div>

      <h3 className="eyebrow wfe-panel__section">Reliability</h3>
      <RetryFields nodeId={nodeId} node={node} errors={errors} onPatch={onPatch} />

      <div className="wfe-panel__danger">
        <button type="button" className="button button--ghost wfe-danger" onClick={onDelete} title="Delete this step (Delete)">
          Delete step
        </button>
      </div>
    </div>
  );
}

/** Renaming checks the id at once; edges follow the new id. */
function IdField({ doc, index, nodeId, onRename, errors }: { doc: Doc; index: number; nodeId: string; onRename: (id: string) => void; errors: string[] | undefined }) {
  const [text, setText] = useState(nodeId);
  useEffect(() => setText(nodeId), [nodeId]);
  const problem = text === nodeId ? undefined : idProblem(doc, index, text);
  const commit = () => {
    if (text !== nodeId && !problem) onRename(text);
  };
  return (
    <div className={`wfe-field${problem ? ' wfe-field--bad' : ''}`}>
      <label htmlFor="wfe-node-id">Step id</label>
      <input
        id="wfe-node-id"
        className={`wfe-input wfe-input--mono${problem ? ' wfe-input--bad' : ''}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(nodeId);
        }}
      />
      <p className="wfe-field__help">Later steps read this step’s output as <code>steps.{nodeId}.output</code>.</p>
      <FieldErrors messages={problem ? [problem] : errors} testId="id-errors" />
    </div>
  );
}
