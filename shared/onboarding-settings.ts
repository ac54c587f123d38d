import { z } from 'zod';

/**
 * The getting-started guide's one piece of state: whether the founder finished or dismissed it.
 * Which of its drafts exist is read from the monitors, products and workflows themselves.
 */
export const onboardingSettingDefinitions = {
  'onboarding.done': {
    schema: z.boolean({ error: () => 'must be true or false' }),
    defaultValue: false,
    label: 'Getting-started guide finished',
    description: 'True once the getting-started guide was finished or dismissed: it no longer opens by itself at launch (Get started in the sidebar still opens it).',
    env: 'LEVQOR_ONBOARDING_DONE',
  },
};
