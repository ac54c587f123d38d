import { useEffect } from 'react';
import type { RunDetail } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { useLoad, type Loaded } from '../../../hooks/use-load';

/** The workflow's latest run with its steps' outputs (`runs.list` then `runs.get`), again after each of its runs ends. */
export function useLatestRun(workflowId: string | undefined): Loaded<RunDetail | null> {
  const loaded = useLoad(async () => {
    if (!workflowId) return null;
    const { runs } = await getApi().runs.list({ workflowId, limit: 1 });
    const latest = runs[0];
    return latest ? getApi().runs.get({ id: latest.id }) : null;
  }, [workflowId]);
  const { reload } = loaded;
  useEffect(() => {
    if (!workflowId) return undefined;
    return getApi().on('run.finished', (p) => {
      if (p.workflowId === workflowId) reload();
    });
  }, [workflowId, reload]);
  return loaded;
}
