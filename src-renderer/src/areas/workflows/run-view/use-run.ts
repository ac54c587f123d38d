import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName } from '../../../../../shared/contract';
import type { RunDetail } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';
import { applyEvent, statesFromRun, type NodeStates, type RunEvent } from './run-state';

const runEvents = ['run.started', 'step.started', 'step.finished', 'step.failed', 'approval.requested', 'approval.decided', 'run.finished'] as const satisfies readonly EventName[];

export interface LiveRun {
  run: RunDetail | undefined;
  states: NodeStates;
  error: string | undefined;
  reload(): void;
}

/**
 * One run, live: `runs.get` first; each engine event of this run updates the node states at
 * once and schedules a fresh `runs.get` (inputs, outputs, errors, attempts, log) shortly after.
 */
export function useRun(runId: string): LiveRun {
  const [run, setRun] = useState<RunDetail | undefined>(undefined);
  const [states, setStates] = useState<NodeStates>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const ticket = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const detail = await getApi().runs.get({ id: runId });
      if (mine !== ticket.current) return;
      setRun(detail);
      setStates(statesFromRun(detail, detail.workflow?.nodes.map((n) => n.id) ?? detail.steps.map((s) => s.id)));
      setError(undefined);
    } catch (err) {
      if (mine === ticket.current) setError(toLevqorError(err).message);
    }
  }, [runId]);

  useEffect(() => {
    void load();
    const api = getApi();
    const refreshSoon = () => {
      if (timer.current !== undefined) return;
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        void load();
      }, 150);
    };
    const offs = runEvents.map((name) =>
      api.on(name, (payload) => {
        const event = { name, payload } as RunEvent;
        if (event.payload.runId !== runId) return;
        setStates((s) => applyEvent(s, event));
        refreshSoon();
      }),
    );
    return () => {
      offs.forEach((off) => off());
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [runId, load]);

  return { run, states, error, reload: () => void load() };
}
