import { z } from 'zod';
import { event, procedure } from './procedure';
import { noInput } from './common';
import { launchStageSchema } from '../stage';
import { approvalSchema } from './approvals';

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  stage: launchStageSchema,
  schemaVersion: z.number().int(),
  platform: z.string(),
  nodeVersion: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const semverSchema = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version like 1.2.3');

/** What changed in a release, as plain text. */
export const releaseNotesSchema = z.string().max(20_000, 'is longer than 20000 characters');

/** A newer version the desktop app's update check found. */
export const availableUpdateSchema = z.object({
  version: semverSchema,
  releaseNotes: releaseNotesSchema.optional(),
});
export type AvailableUpdate = z.infer<typeof availableUpdateSchema>;

export const updateStatusSchema = z.object({
  /** Whether this process can download and install: only the packaged desktop app once it checked (never levqor serve or the CLI). */
  canInstall: z.boolean(),
  available: availableUpdateSchema.nullable(),
  /** The request to install it that waits for the founder, if one was asked. */
  pendingApprovalId: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const appUpdateEvents = {
  'app.updateAvailable': event({
    summary: 'The desktop app found a newer version. Nothing is downloaded or installed until the founder approves installing it (app.installUpdate).',
    payload: availableUpdateSchema,
  }),
};

export const appProcedures = {
  'app.info': procedure({
    summary: 'Version, data dir, launch stage and database schema version.',
    input: noInput,
    output: appInfoSchema,
  }),
  'app.updateStatus': procedure({
    summary: 'The update the desktop app found (if any), whether this process can install it, and the approval waiting to install it.',
    input: noInput,
    output: updateStatusSchema,
  }),
  'app.installUpdate': procedure({
    summary:
      'Ask to install the available update (Class B): always through an approval (subject app.update) whose preview is the upgrade plan; approving it downloads the update and quits the app to install it. Only the desktop app installs updates: levqor serve and the CLI answer UNAVAILABLE.',
    input: noInput,
    output: approvalSchema,
  }),
};
