import type { Core } from '../../core';
import type { HandlerMap } from '../handler';

export const onboardingHandlers = (core: Core) =>
  ({
    'onboarding.status': () => core.onboarding.status(),
    'onboarding.propose': (input) => core.onboarding.propose(input),
    'onboarding.confirm': (input) => core.onboarding.confirm(input.item, input.draft),
    'onboarding.dismiss': () => core.onboarding.dismiss(),
  }) satisfies HandlerMap<'onboarding.status' | 'onboarding.propose' | 'onboarding.confirm' | 'onboarding.dismiss'>;
