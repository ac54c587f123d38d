import { defineChannel } from '../channel';
import { postJson } from '../http-delivery';
import { renderBriefingSlack } from '../briefing/renderers/slack-blocks';
import { renderSlack } from '../render-slack';

/**
 * Slack through an incoming webhook: the webhook URL is the secret slack.webhookUrl (it is the
 * credential: never logged, never in an error). Slack answers 200 "ok", 429 with Retry-After,
 * 400/403/404/410 with a reason such as invalid_payload or no_service; it publishes one
 * message a second per webhook.
 */
export const slackChannel = defineChannel({
  id: 'slack',
  label: 'Slack',
  minIntervalMs: 1000,
  configured: (ctx) => (ctx.secret('slack.webhookUrl') ? true : 'no Slack webhook URL is set (secret slack.webhookUrl)'),
  deliver: (notice, ctx) => postJson('Slack', ctx.secret('slack.webhookUrl')!, notice.briefing ? renderBriefingSlack(notice.briefing) : renderSlack(notice, ctx.appUrl)),
});
