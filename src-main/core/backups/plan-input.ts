import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { BackupSource } from '../../../shared/backup';
import type { AddPlanInput } from '../../../shared/contract/backup';
import { addPlanInputSchema } from '../../../shared/contract/backup';
import { apiErrorFromZod } from '../../../shared/contract/errors';
import { CoreError, badInput } from '../errors';
import { cronProblem, isValidTimezone } from '../scheduler';
import type { StoredPlan } from './plan-store';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The folder sources exist, each source appears once, and a folder path is absolute; the first fault names its field. */
export function checkSources(sources: readonly BackupSource[]): BackupSource[] {
  const seen = new Set<string>();
  return sources.map((source, i) => {
    const key = source.kind === 'folder' ? `folder:${resolve(source.path)}` : source.kind;
    if (seen.has(key)) throw badInput(`sources.${i}`, `names ${source.kind === 'folder' ? `the folder ${source.path}` : `the ${source.kind} source`} a second time`);
    seen.add(key);
    if (source.kind !== 'folder') return source;
    if (!isAbsolute(source.path)) throw badInput(`sources.${i}.path`, `must be an absolute folder path (got "${source.path}")`);
    if (!isFolder(source.path)) throw badInput(`sources.${i}.path`, `${source.path} is not a folder on this machine`);
    return { kind: 'folder', path: resolve(source.path) };
  });
}

function checkCron(expr: string | undefined, timezone: string, field: string): string | null {
  if (expr === undefined) return null;
  const problem = cronProblem(expr, timezone);
  if (problem) throw badInput(field, problem);
  return expr;
}

/** A new plan from checked input (the contract parsed it): cron, timezone and folders checked here. */
export function planFromInput(raw: AddPlanInput, id: string, now: number, systemTimezone: string): StoredPlan {
  const parsed = addPlanInputSchema.safeParse(raw);
  if (!parsed.success) {
    const error = apiErrorFromZod(parsed.error);
    throw new CoreError(error.code, error.message, error.field);
  }
  const input = parsed.data;
  const timezone = input.timezone ?? systemTimezone;
  if (!isValidTimezone(timezone)) throw badInput('timezone', `"${timezone}" is not an IANA timezone (such as Europe/London or UTC)`);
  return {
    id,
    name: input.name,
    owner: input.client ? { kind: 'client', ...input.client } : { kind: 'own' },
    sources: checkSources(input.sources),
    excludes: input.excludes,
    repository: input.repo,
    scheduleCron: checkCron(input.schedule, timezone, 'schedule'),
    timezone,
    retention: input.retention,
    checkCron: checkCron(input.checkSchedule, timezone, 'checkSchedule'),
    checkReadDataSubset: input.checkReadDataSubset ?? null,
    createdAt: now,
    updatedAt: now,
  };
}
