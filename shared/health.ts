import type { ScoreVerdict } from './contract/guardian';

/** The health score's verdict in words, as the Guardian page and `levqor guardian score` say it. */
export const verdictLabel: Record<ScoreVerdict, string> = {
  healthy: 'Healthy',
  needs_attention: 'Needs attention',
  unhealthy: 'Unhealthy',
  not_enough_data: 'Not enough to assess',
};
