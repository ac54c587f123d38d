import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { defaultPlanRunPolicy, planDurationMs, type BackupOwner, type BackupSource, type PlanRunPolicy } from '../../../shared/backup';
import type { AddPlanInput, UpdatePlanInput } from '../../../shared/contract/backup';
import { addPlanInputSchema, updatePlanInputSchema } from '../../../shared/contract/backup';
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

/** The input as the contract reads it; the first fault names its field. */
function parsed<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const error = apiErrorFromZod(result.error);
    throw new CoreError(error.code, error.message, error.field);
  }
  return result.data;
}

function checkTimezone(timezone: string): string {
  if (!isValidTimezone(timezone)) throw badInput('timezone', `"${timezone}" is not an IANA timezone (such as Europe/London or UTC)`);
  return timezone;
}

/** The run policy with what the input gives in place of `base`'s values. */
function runPolicyFrom(input: { retries?: number | undefined; retryDelay?: string | undefined; overlap?: PlanRunPolicy['overlap'] | undefined; catchUp?: PlanRunPolicy['catchUp'] | undefined; checkTimeout?: string | undefined }, base: PlanRunPolicy): PlanRunPolicy {
  return {
    retries: input.retries ?? base.retries,
    retryDelayMs: input.retryDelay !== undefined ? planDurationMs(input.retryDelay)! : base.retryDelayMs,
    overlap: input.overlap ?? base.overlap,
    catchUp: input.catchUp ?? base.catchUp,
    checkTimeoutMs: input.checkTimeout !== undefined ? planDurationMs(input.checkTimeout)! : base.checkTimeoutMs,
  };
}

const ownerOf = (client: { name: string; email?: string | undefined } | undefined): BackupOwner => (client ? { kind: 'client', ...client } : { kind: 'own' });

/** A new plan from checked input (the contract parsed it): cron, timezone and folders checked here. */
export function planFromInput(raw: AddPlanInput, id: string, now: number, systemTimezone: string): StoredPlan {
  const input = parsed(addPlanInputSchema, raw);
  const timezone = checkTimezone(input.timezone ?? systemTimezone);
  return {
    id,
    name: input.name,
    owner: ownerOf(input.client),
    sources: checkSources(input.sources),
    excludes: input.excludes,
    repository: input.repo,
    scheduleCron: checkCron(input.schedule, timezone, 'schedule'),
    timezone,
    retention: input.retention,
    checkCron: checkCron(input.checkSchedule, timezone, 'checkSchedule'),
    checkReadDataSubset: input.checkReadDataSubset ?? null,
    runPolicy: runPolicyFrom(input, defaultPlanRunPolicy),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A plan with the changes of checked input, by the same rules as a new one: a field left out
 * keeps its value, null takes it away. A new timezone is checked against the schedules kept.
 */
export function editedPlan(plan: StoredPlan, raw: UpdatePlanInput, now: number): StoredPlan {
  const input = parsed(updatePlanInputSchema, raw);
  const timezone = checkTimezone(input.timezone ?? plan.timezone);
  const cron = (given: string | null | undefined, kept: string | null, field: string) => (given === null ? null : checkCron(given ?? kept ?? undefined, timezone, field));
  return {
    ...plan,
    owner: input.client === undefined ? plan.owner : ownerOf(input.client ?? undefined),
    sources: input.sources === undefined ? plan.sources : checkSources(input.sources),
    excludes: input.excludes ?? plan.excludes,
    scheduleCron: cron(input.schedule, plan.scheduleCron, 'schedule'),
    timezone,
    retention: input.retention ?? plan.retention,
    checkCron: cron(input.checkSchedule, plan.checkCron, 'checkSchedule'),
    checkReadDataSubset: input.checkReadDataSubset === undefined ? plan.checkReadDataSubset : input.checkReadDataSubset,
    runPolicy: runPolicyFrom(input, plan.runPolicy),
    // never before the plan's own time: the schedules tell one version of it from the next by it
    updatedAt: Math.max(now, plan.updatedAt + 1),
  };
}
