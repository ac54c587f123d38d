import { useEffect, useRef, useState } from 'react';
import type { WorkflowProblem } from '../../../../../shared/workflow';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';

export interface Validation {
  /** The document these problems belong to (results for an older one are dropped). */
  doc: unknown;
  valid: boolean;
  problems: WorkflowProblem[];
  /** A newer document is waiting to be checked. */
  checking: boolean;
  error: string | undefined;
}

const DELAY_MS = 250;

/** Live validation: the engine's own validator (`workflows.validate`), debounced as you type. */
export function useValidation(doc: unknown): Validation {
  const [state, setState] = useState<Validation>({ doc: undefined, valid: false, problems: [], checking: true, error: undefined });
  const ticket = useRef(0);
  useEffect(() => {
    const mine = ++ticket.current;
    setState((s) => (s.checking ? s : { ...s, checking: true }));
    const timer = setTimeout(() => {
      getApi()
        .workflows.validate({ workflow: doc })
        .then(
          (r) => {
            if (mine === ticket.current) setState({ doc, valid: r.valid, problems: r.errors, checking: false, error: undefined });
          },
          (err: unknown) => {
            if (mine === ticket.current) setState((s) => ({ ...s, checking: false, error: toLevqorError(err).message }));
          },
        );
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc]);
  return state;
}
