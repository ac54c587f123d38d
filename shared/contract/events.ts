import { z } from 'zod';
import { event } from './procedure';
import { stageStateSchema } from './stage';
import { settingEntrySchema } from './settings';
import { secretStatusSchema } from './secrets';

/** Events pushed from the main process to every window (IPC) and browser (SSE). */
export const appEvents = {
  'stage.changed': event({ summary: 'The launch stage changed.', payload: stageStateSchema }),
  'settings.changed': event({ summary: 'A setting was stored.', payload: settingEntrySchema }),
  'secrets.changed': event({ summary: 'A secret was set or cleared.', payload: secretStatusSchema }),
};

export const heartbeatEventSchema = z.object({ at: z.number() });
