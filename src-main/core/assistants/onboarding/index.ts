export { OnboardingService, type OnboardingPorts, type DraftCheck } from './onboarding-service';
export { draftsFromAnswers, slugFrom, dailyCheckCron } from './drafts-from-answers';
