import { messageStep } from './message-step';

/** Class B: a message in the Slack channel of the founder's incoming webhook (secret slack.webhookUrl). */
export const slackSendStep = messageStep('slack', 'Slack', 'your Slack channel (secret slack.webhookUrl)');
