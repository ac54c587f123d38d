import type { SectionDef } from '../section-kit';
import { anomaliesSection } from './anomalies';
import { approvalsSection } from './approvals';
import { backupsSection } from './backups';
import { healthSection } from './health';
import { launchesSection } from './launches';
import { monitorsSection } from './monitors';
import { pipelineSection } from './pipeline';
import { revenueSection } from './revenue';
import { runsSection } from './runs';

/** The briefing's parts, in the order the founder reads them; a new part is one file here and one entry in this list. */
export const briefingSections: readonly SectionDef[] = [healthSection, monitorsSection, anomaliesSection, runsSection, approvalsSection, launchesSection, revenueSection, pipelineSection, backupsSection];
