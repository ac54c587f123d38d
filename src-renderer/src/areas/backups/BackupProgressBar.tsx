import type { BackupProgress } from '../../../../shared/contract/backup';
import { ProgressBar } from '../../components/ProgressBar';
import { progressText } from './format';

/** A running backup's bar: percent, files, bytes, time left (restic's status lines). */
export function BackupProgressBar({ plan, progress }: { plan: string; progress: BackupProgress | undefined }) {
  const pct = progress ? Math.min(100, Math.floor(progress.percent * 100)) : 0;
  const text = progress ? progressText(progress) : 'Starting: taking a consistent copy of the database…';
  return <ProgressBar label={`Backing up ${plan}`} detail={text} percent={pct} name={`Backup of ${plan}`} valueText={text} testId="backup-progress" />;
}
