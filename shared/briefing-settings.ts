import { z } from 'zod';

const timeRule = 'must be a time of day written HH:MM on the 24-hour clock, such as 08:00';
const timezoneRule = 'must be an IANA timezone such as Europe/London or America/New_York, or empty for this machine\u2019s timezone';
const channelsRule = 'must be a list of channel ids such as ["os", "telegram"] (or os,telegram), each named once';

function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Typed text is JSON (`["os","slack"]`) or a comma-separated list (`os,slack`). */
function listFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

/**
 * The daily founder briefing's settings (core/notify/briefing): when, where, and whether the
 * founder turned it on for outside channels. Which channel ids exist is checked when it is sent
 * (the channels list lives in core).
 */
export const briefingSettingDefinitions = {
  'notify.briefing.time': {
    schema: z.string({ error: () => timeRule }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, timeRule),
    defaultValue: '08:00',
    label: 'Briefing time',
    description: 'When the daily founder briefing goes out (HH:MM, in the briefing timezone). A briefing missed while the machine slept goes out once when it wakes.',
    env: undefined,
  },
  'notify.briefing.timezone': {
    schema: z
      .string({ error: () => timezoneRule })
      .trim()
      .refine((v) => v === '' || isTimezone(v), timezoneRule),
    defaultValue: '',
    label: 'Briefing timezone',
    description: 'The timezone of the briefing time, e.g. Europe/London; empty means this machine\u2019s timezone.',
    env: undefined,
  },
  'notify.briefing.channels': {
    schema: z.preprocess(
      listFromText,
      z
        .array(z.string({ error: () => channelsRule }).regex(/^[a-z][a-z0-9-]{0,31}$/, channelsRule), { error: () => channelsRule })
        .max(10, channelsRule)
        .refine((list) => new Set(list).size === list.length, channelsRule),
    ),
    defaultValue: ['os'],
    label: 'Briefing channels',
    description: 'Where the daily briefing goes: os (the system notification), telegram, slack, email. An id that is no channel is left out and logged.',
    env: undefined,
  },
  'notify.briefing.enabled': {
    schema: z.boolean({ error: () => 'must be true or false' }),
    defaultValue: false,
    label: 'Briefing turned on for outside channels',
    description:
      'true: you turned the daily briefing on for Telegram, Slack and email, which approves its sends to them once and for all, pre-launch too. false: pre-launch, each briefing to them first waits for your approval showing its preview; the system notification gets it either way, and post-launch every channel does.',
    env: undefined,
  },
} as const;
