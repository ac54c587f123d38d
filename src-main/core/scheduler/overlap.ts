export type Overlap = 'skip' | 'buffer-one' | 'allow';

export type OverlapDecision = 'start' | 'skip' | 'buffer';

/**
 * What a fire does while the schedule's previous run is still going:
 * `skip` drops it, `buffer-one` keeps one to start when that run ends (further fires are
 * dropped while one is buffered), `allow` starts it alongside.
 */
export function decideOverlap(policy: Overlap, previousActive: boolean, alreadyBuffered: boolean): OverlapDecision {
  if (!previousActive || policy === 'allow') return 'start';
  if (policy === 'skip') return 'skip';
  return alreadyBuffered ? 'skip' : 'buffer';
}
