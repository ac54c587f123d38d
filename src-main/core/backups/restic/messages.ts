import { z } from 'zod';

// restic's --json output as restic 0.14 (the oldest the app drives) writes it; newer versions
// add fields, so every object is loose: what is read is checked, the rest passes through.

const count = z.number().int().nonnegative();

/** `restic backup --json`: a progress line. */
export const backupStatusSchema = z.looseObject({
  message_type: z.literal('status'),
  percent_done: z.number(),
  seconds_elapsed: count.optional(),
  seconds_remaining: count.optional(),
  total_files: count.optional(),
  files_done: count.optional(),
  total_bytes: count.optional(),
  bytes_done: count.optional(),
  error_count: count.optional(),
  current_files: z.array(z.string()).nullish(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** `restic backup --json`: the last line, naming the snapshot made. */
export const backupSummarySchema = z.looseObject({
  message_type: z.literal('summary'),
  files_new: count,
  files_changed: count,
  files_unmodified: count,
  dirs_new: count,
  dirs_changed: count,
  dirs_unmodified: count,
  data_added: count,
  total_files_processed: count,
  total_bytes_processed: count,
  total_duration: z.number(),
  snapshot_id: z.string(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** `restic backup --json`: a file it could not read (the backup goes on; exit code 3 at the end). */
export const backupErrorSchema = z.looseObject({
  message_type: z.literal('error'),
  error: z.unknown(),
  during: z.string().optional(),
  item: z.string().optional(),
});

export const backupMessageSchema = z.discriminatedUnion('message_type', [
  backupStatusSchema,
  backupSummarySchema,
  backupErrorSchema,
  z.looseObject({ message_type: z.literal('verbose_status') }),
]);

/** One snapshot as `snapshots --json`, `forget --json` and `ls --json` describe it. */
export const snapshotSchema = z.looseObject({
  id: z.string(),
  short_id: z.string(),
  time: z.string(),
  tree: z.string(),
  paths: z.array(z.string()),
  hostname: z.string().optional(),
  username: z.string().optional(),
  parent: z.string().optional(),
  tags: z.array(z.string()).nullish(),
});
export type ResticSnapshot = z.infer<typeof snapshotSchema>;

export const snapshotListSchema = z.array(snapshotSchema);

/** Why `forget` keeps a snapshot; in 0.14 the snapshot here has no id, and the list runs in the order of `keep`. */
const keepReasonSchema = z.looseObject({
  snapshot: z.looseObject({ time: z.string(), tree: z.string() }),
  matches: z.array(z.string()),
});

/** `restic forget --json` (with or without --dry-run): one group per host and paths. */
export const forgetGroupSchema = z.looseObject({
  host: z.string().optional(),
  paths: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  keep: z.array(snapshotSchema).nullish(),
  remove: z.array(snapshotSchema).nullish(),
  reasons: z.array(keepReasonSchema).nullish(),
});
export const forgetOutputSchema = z.array(forgetGroupSchema);
export type ForgetGroup = z.infer<typeof forgetGroupSchema>;

/** `restic ls --json`: after the snapshot line, one node per line. */
export const lsNodeSchema = z.looseObject({
  struct_type: z.literal('node'),
  name: z.string(),
  type: z.string(),
  path: z.string(),
  size: count.optional(),
  mtime: z.string().optional(),
  permissions: z.string().optional(),
});
export type LsNode = z.infer<typeof lsNodeSchema>;

export const lsLineSchema = z.discriminatedUnion('struct_type', [snapshotSchema.extend({ struct_type: z.literal('snapshot') }), lsNodeSchema]);

/** `restic stats --json` in any mode. */
export const statsSchema = z.looseObject({
  total_size: count,
  total_file_count: count.optional(),
  total_blob_count: count.optional(),
  snapshots_count: count.optional(),
});
export type ResticStats = z.infer<typeof statsSchema>;

/** `restic cat lock ID`: who holds a lock (restic 0.14 writes it as JSON whatever --json says). */
export const lockSchema = z.looseObject({
  time: z.string(),
  exclusive: z.boolean(),
  hostname: z.string(),
  username: z.string().optional(),
  pid: z.number().int(),
});
export type ResticLock = z.infer<typeof lockSchema>;

/** Parses one JSON line against `schema`; undefined for text that is not JSON or not that shape. */
export function parseLine<T extends z.ZodType>(schema: T, line: string): z.output<T> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
