import type { Command } from '../command';
import { serveCommand } from './serve';
import { statusCommand } from './status';
import { stageCommands } from './stage';
import { settingsCommands } from './settings';
import { secretsCommands } from './secrets';
import { versionCommand } from './version';
import { telemetryCommands } from './telemetry';
import { remoteCommands } from './remote';
import { productCommands } from './product';
import { productCompileCommands } from './product-compile';
import { workflowCommands } from './workflow';
import { runsCommands } from './runs';
import { approvalsCommands } from './approvals';
import { scheduleCommands } from './schedule';
import { guardianCommands } from './guardian';
import { sessionsCommands } from './sessions';
import { notifyCommands } from './notify';
import { notifyDeliveryCommands } from './notify-delivery';
import { backupCommands } from './backup';
import { revenuePipelineCommands } from './revenue-pipeline';
import { revenueSyncCommands } from './revenue-sync';
import { revenueMetricsCommands } from './revenue-metrics';
import { revenuePackagesCommands } from './revenue-packages';

/** Every `levqor` command; a capability adds its file and spreads it in here. */
export const commands: Command[] = [serveCommand, statusCommand, ...stageCommands, ...settingsCommands, ...secretsCommands, ...telemetryCommands, ...remoteCommands, ...productCommands, ...productCompileCommands, ...workflowCommands, ...runsCommands, ...approvalsCommands, ...scheduleCommands, ...guardianCommands, ...sessionsCommands, ...notifyCommands, ...notifyDeliveryCommands, ...backupCommands, ...revenuePipelineCommands, ...revenueSyncCommands, ...revenueMetricsCommands, ...revenuePackagesCommands, versionCommand];
