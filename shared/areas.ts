/** The app's areas, in sidebar order. `built: false` areas show an honest "not built yet" panel. */
export const areas = [
  { id: 'guardian', title: 'Guardian', built: true, summary: 'Health score, monitors, heartbeats, healing plan and the executive summary.' },
  { id: 'workflows', title: 'Workflows', built: true, summary: 'Draw, run and schedule automation workflows.' },
  { id: 'approvals', title: 'Approvals', built: true, summary: 'Workflow steps, Drive uploads, healing actions and app updates waiting for your decision.' },
  { id: 'launches', title: 'Launches', built: true, summary: 'Draft products offline and compile them into shippable bundles.' },
  { id: 'revenue', title: 'Revenue', built: false, summary: 'Stripe MRR, sales leads and done-for-you requests.' },
  { id: 'insights', title: 'Insights', built: false, summary: 'AI CEO advice from your health and revenue data.' },
  { id: 'telemetry', title: 'Telemetry', built: true, summary: 'Logs, anomalies and the daily report.' },
  { id: 'alerts', title: 'Alerts', built: false, summary: 'Daily briefing and alerts by tray, Slack, Telegram and email.' },
  { id: 'backups', title: 'Backups', built: false, summary: 'Scheduled snapshots, retention, verified restores.' },
  { id: 'compliance', title: 'Compliance', built: false, summary: 'GDPR/CCPA subject export and erase, audit log.' },
  { id: 'settings', title: 'Settings', built: true, summary: 'Launch stage, secrets and preferences.' },
] as const;
export type AreaId = (typeof areas)[number]['id'];
