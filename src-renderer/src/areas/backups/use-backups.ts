import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../../shared/contract/backup';
import { getApi } from '../../api/client';

/** Events after which the plans and their history are read again. */
export const backupEndEvents = ['backup.succeeded', 'backup.failed'] as const;

/** The newest progress of each running backup, by operation id, from backup.progress events. */
export function useBackupProgress(): ReadonlyMap<string, BackupProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<string, BackupProgress>>(new Map());
  useEffect(() => {
    const api = getApi();
    const offs = [
      api.on('backup.progress', (p) => setProgress((m) => new Map(m).set(p.operationId, p))),
      ...backupEndEvents.map((name) =>
        api.on(name, (op) =>
          setProgress((m) => {
            if (!m.has(op.id)) return m;
            const next = new Map(m);
            next.delete(op.id);
            return next;
          }),
        ),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  return progress;
}
