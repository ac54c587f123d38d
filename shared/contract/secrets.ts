import { z } from 'zod';
import { procedure } from './procedure';
import { epochMs, noInput, listOf } from './common';

/** What any caller may know about a secret: whether it is set, never its value. */
export const secretStatusSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    set: z.boolean(),
    source: z.enum(['none', 'stored', 'env']),
    env: z.string(),
    updatedAt: z.number().int().optional(),
  })
  .strict();
export type SecretStatus = z.infer<typeof secretStatusSchema>;

const secretName = z.string().min(1, 'is required');

/**
 * What a secret's "Test" found: `ok` the service answered as it should, `failed` it did not
 * (the message says why, never quoting the value), `untested` nothing tests this secret yet
 * (the message names the area that brings a test), `not-set` there is nothing to test.
 */
export const secretTestOutcomes = ['ok', 'failed', 'untested', 'not-set'] as const;
export const secretTestSchema = z
  .object({
    name: z.string(),
    outcome: z.enum(secretTestOutcomes),
    message: z.string(),
    /** Which value was tested: the environment variable wins over the stored one. */
    source: z.enum(['none', 'stored', 'env']),
    at: epochMs,
  })
  .strict();
export type SecretTest = z.infer<typeof secretTestSchema>;

export const secretsProcedures = {
  'secrets.status': procedure({
    summary: 'Which secrets are set (never their values).',
    input: noInput,
    output: listOf('secrets', secretStatusSchema),
  }),
  'secrets.set': procedure({
    summary: 'Check a secret\u2019s format (nothing stored when it is wrong), then encrypt and store it.',
    input: z
      .object({
        name: secretName,
        value: z.string().min(1, 'must not be empty').max(65_536, 'is longer than 64 KiB'),
      })
      .strict(),
    output: secretStatusSchema,
  }),
  'secrets.test': procedure({
    summary: 'Try a secret against its service (Drive: list the target folder; Postgres: connect); the value is never returned.',
    input: z.object({ name: secretName }).strict(),
    output: secretTestSchema,
  }),
  'secrets.clear': procedure({
    summary: 'Forget a stored secret.',
    input: z.object({ name: secretName }).strict(),
    output: secretStatusSchema,
  }),
};
