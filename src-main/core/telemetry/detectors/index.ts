import type { Db } from '../../db/open';
import { detectBurnRate } from './burn-rate';
import type { DetectorConfig, Finding } from './finding';
import { detectRepeated } from './repeated';
import { detectSlowEndpoints } from './slow-endpoints';
import { detectVolume } from './volume';

export type { DetectorConfig, Finding } from './finding';

/** Every detector at `now`, all from the rollups (never a scan of the raw rows). */
export function runDetectors(db: Db, now: number, config: DetectorConfig): Finding[] {
  return [...detectRepeated(db, now), ...detectSlowEndpoints(db, now, config), ...detectBurnRate(db, now, config), ...detectVolume(db, now)];
}
