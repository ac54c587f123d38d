import { z } from 'zod';
import { procedure } from './procedure';
import { noInput, listOf } from './common';

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

export const secretsProcedures = {
  'secrets.status': procedure({
    summary: 'Which secrets are set (never their values).',
    input: noInput,
    output: listOf('secrets', secretStatusSchema),
  }),
  'secrets.set': procedure({
    summary: 'Encrypt and store a secret.',
    input: z
      .object({
        name: secretName,
        value: z.string().min(1, 'must not be empty').max(65_536, 'is longer than 64 KiB'),
      })
      .strict(),
    output: secretStatusSchema,
  }),
  'secrets.clear': procedure({
    summary: 'Forget a stored secret.',
    input: z.object({ name: secretName }).strict(),
    output: secretStatusSchema,
  }),
};
