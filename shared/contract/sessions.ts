import { z } from 'zod';
import { procedure } from './procedure';
import { exactlyOneOf, listOf, noInput } from './common';

export const browserSessionSchema = z
  .object({
    id: z.string(),
    userAgent: z.string(),
    createdAt: z.number().int(),
    lastSeenAt: z.number().int(),
    expiresAt: z.number().int(),
    /** The session this call came with (a browser sees which row is itself). */
    current: z.boolean(),
  })
  .strict();
export type BrowserSession = z.infer<typeof browserSessionSchema>;

export const sessionsProcedures = {
  'sessions.list': procedure({
    summary: 'Browsers signed in to `levqor serve` through its access link.',
    input: noInput,
    output: listOf('sessions', browserSessionSchema),
  }),
  'sessions.revoke': procedure({
    summary: 'Sign a browser out (by id, `current` for the calling browser, or `all`).',
    input: z
      .object({
        id: z.string().min(1, 'must not be empty').max(64, 'is not a session id').optional(),
        current: z.literal(true, { error: () => 'must be true when given' }).optional(),
        all: z.literal(true, { error: () => 'must be true when given' }).optional(),
      })
      .strict()
      .refine(...exactlyOneOf(['id', 'current', 'all'], 'id')),
    output: z.object({ revoked: z.number().int() }),
  }),
};
