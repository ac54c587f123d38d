import type { BackupSnapshot, ForgetResult } from '../../../shared/contract/backup';
import type { ForgetGroup, ResticSnapshot } from './restic/messages';

/** The tag every snapshot of a plan carries, so plans may share a repository and each sees (and forgets) only its own. */
export function planTag(planName: string): string {
  return `levqor-plan-${planName}`;
}

export function snapshotView(s: ResticSnapshot): BackupSnapshot {
  return { id: s.id, shortId: s.short_id, time: Date.parse(s.time), paths: s.paths, tags: s.tags ?? [], hostname: s.hostname ?? null };
}

/** Newest first. */
export function newestFirst(snapshots: readonly ResticSnapshot[]): BackupSnapshot[] {
  return snapshots.map(snapshotView).sort((a, b) => b.time - a.time);
}

/** restic's forget groups as the app shows them: each kept snapshot beside restic's reasons (matched by time and tree, as 0.14 gives no id there). */
export function forgetGroups(groups: readonly ForgetGroup[]): ForgetResult['groups'] {
  return groups.map((g) => {
    const reasons = g.reasons ?? [];
    return {
      host: g.host ?? null,
      paths: g.paths ?? [],
      keep: (g.keep ?? []).map((s) => ({
        snapshot: snapshotView(s),
        reasons: reasons.find((r) => r.snapshot.time === s.time && r.snapshot.tree === s.tree)?.matches ?? [],
      })),
      remove: (g.remove ?? []).map(snapshotView),
    };
  });
}
