import { useCallback, useEffect, useState } from 'react';
import type { LevqorError } from '../../../shared/contract';
import { toLevqorError } from '../api/to-levqor-error';

const savedNoticeMs = 2500;

/** Pending / error / "saved" state around one async API action of a control. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<LevqorError | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(false), savedNoticeMs);
    return () => window.clearTimeout(timer);
  }, [saved]);

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setPending(true);
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
      setPending(false);
    }
  }, []);

  return { pending, error, saved, run };
}
