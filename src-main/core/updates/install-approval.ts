import type { AvailableUpdate } from '../../../shared/contract/app';
import type { UpgradePlan } from '../../../shared/contract/guardian';
import type { LaunchStage } from '../../../shared/stage';
import { productName } from '../../../shared/version';
import type { SubjectApprovalRequest } from '../approvals';

/** A request to install an update nobody decides on within a week is rejected: nothing is installed. */
export const installApprovalTimeoutMs = 7 * 24 * 3_600_000;

/** What the founder is asked (Class B): the upgrade plan, and what approving will actually do, in order. */
export function installRequest(update: AvailableUpdate, plan: UpgradePlan, stage: LaunchStage, backupFirst: string): SubjectApprovalRequest {
  const { version } = update;
  return {
    subject: { kind: 'app.update', ref: version, title: `Install ${productName} ${version}` },
    action: 'app.install',
    class: 'B',
    stage,
    message: `Install ${productName} ${version} (${plan.kind} update from ${plan.currentVersion}): download it, then quit the app to install it`,
    preview: {
      willDo: [
        backupFirst,
        `Download ${version} (its signature is checked)`,
        `Quit the app and install ${version}; it starts again on the new version`,
      ],
      ...(update.releaseNotes ? { releaseNotes: update.releaseNotes } : {}),
      plan,
    },
    requestedBy: 'the desktop app\u2019s update check',
    timeoutMs: installApprovalTimeoutMs,
  };
}
