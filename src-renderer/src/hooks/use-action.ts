import { useCallback, useEffect, useState } from 'react';
import type { LevqorError } from '../../../shared/contract';
import { toLevqorError } from '../api/to-levqor-error';

const savedNoticeMs = 2500;

/**
 * Pending / error / "saved" state around a control's async API actions. `running` names the
 * action under way (the `name` given to `run`), for a control with several (retry, cancel).
 */
export function useAction() {
  const [running, setRunning] = useState<string | undefined>(undefined);
  const [error, setError] = useState<LevqorError | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(false), savedNoticeMs);
    return () => window.clearTimeout(timer);
  }, [saved]);

  const run = useCallback(async (action: () => Promise<void>, name = 'action'): Promise<boolean> => {
    setRunning(name);
    setError(undefined);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      return true;
    } catch (err) {
      setError(toLevqorError(err));
      return false;
    } finally {
      setRunning(undefined);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);

  return { pending: running !== undefined, running, error, saved, run, clearError };
}
