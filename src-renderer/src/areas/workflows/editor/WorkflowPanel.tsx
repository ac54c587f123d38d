import type { Doc } from './doc-ops';
import { FieldErrors } from './FieldErrors';
import { TriggerPanel } from './TriggerPanel';

interface Props {
  doc: Doc;
  workflowId: string | undefined;
  triggerErrors: Record<string, string[]>;
  /** Problems that belong to no step or the trigger (name, concurrency…), as `path: message`. */
  general: string[];
  edit: (f: (d: Doc) => Doc, key?: string) => void;
}

/** The workflow as a whole: its description, problems that belong to no step, and the trigger. */
export function WorkflowPanel({ doc, workflowId, triggerErrors, general, edit }: Props) {
  return (
    <>
      <div className="wfe-panel__body">
        <FieldErrors messages={general} />
        <div className="wfe-field">
          <label htmlFor="wfe-wf-description">Description</label>
          <textarea
            id="wfe-wf-description"
            className="wfe-input"
            rows={2}
            value={typeof doc.description === 'string' ? doc.description : ''}
            placeholder="What this workflow is for"
            onChange={(e) => {
              const value = e.target.value;
              edit((d) => {
                const next = { ...d };
                if (value) next.description = value;
                else delete next.description;
                return next;
              }, 'description');
            }}
          />
        </div>
      </div>
      <TriggerPanel trigger={doc.trigger} name={doc.name} workflowId={workflowId} errors={triggerErrors} onChange={(t, key) => edit((d) => ({ ...d, trigger: t }), key)} />
    </>
  );
}
