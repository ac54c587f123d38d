import { defineHardeningItem } from './item';

export const alertsConfigured = defineHardeningItem({ id: 'alerts.configured', label: 'Alert channels configured', where: 'any', fix: '#/alerts' }, ({ alerts }) => {
  const outside = alerts.channels().filter((c) => c.configured && c.id !== 'os');
  if (outside.length === 0) return { status: 'fail', reason: 'Only this machine\u2019s own notifications are set up: add Slack, Telegram or email in Alerts.' };
  return { status: 'pass', reason: `Set up: ${outside.map((c) => c.label).join(', ')}.` };
});
