import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Sample input per workflow: what the founder chose to build with, such as a webhook test
 * call's `{ body, headers }` ("Use as sample input"). The step data panel shows it as `trigger`
 * (in place of the last run's input); kept for this window's session only.
 */
const samples = createStore<Record<string, unknown>>()(() => ({}));

export function setSampleInput(workflowId: string, input: unknown): void {
  samples.setState({ [workflowId]: input });
}

export function clearSampleInput(workflowId: string): void {
  samples.setState((s) => {
    const next = { ...s };
    delete next[workflowId];
    return next;
  }, true);
}

export function useSampleInput(workflowId: string | undefined): unknown {
  return useStore(samples, (s) => (workflowId === undefined ? undefined : s[workflowId]));
}
