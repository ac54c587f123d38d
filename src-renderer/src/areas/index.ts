import type { ComponentType } from 'react';
import type { AreaId } from '../../../shared/areas';
import GuardianArea from './guardian';
import WorkflowsArea from './workflows';
import ApprovalsArea from './approvals';
import LaunchesArea from './launches';
import RevenueArea from './revenue';
import InsightsArea from './insights';
import TelemetryArea from './telemetry';
import AlertsArea from './alerts';
import BackupsArea from './backups';
import ComplianceArea from './compliance';
import SettingsArea from './settings';

/** One page component per area id of shared/areas.ts: the default export of areas/<id>/index.tsx. */
export const areaPages: Record<AreaId, ComponentType> = {
  guardian: GuardianArea,
  workflows: WorkflowsArea,
  approvals: ApprovalsArea,
  launches: LaunchesArea,
  revenue: RevenueArea,
  insights: InsightsArea,
  telemetry: TelemetryArea,
  alerts: AlertsArea,
  backups: BackupsArea,
  compliance: ComplianceArea,
  settings: SettingsArea,
};
