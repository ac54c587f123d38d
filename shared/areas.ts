/**
 * The app's areas, in sidebar order. `built: false` areas show an honest "not built yet" panel.
 * `icon` is the sidebar icon: SVG path data on a 24-unit grid, drawn with currentColor.
 * Adding an area: an entry here and its folder src-renderer/src/areas/<id>/index.tsx.
 */
export const areas = [
  { id: 'guardian', title: 'Guardian', built: true, summary: 'Health score, monitors, heartbeats, healing plan and the executive summary.', icon: 'M12 3l7 3v5c0 4.5-3 8.2-7 10-4-1.8-7-5.5-7-10V6l7-3z M9 12l2 2 4-4' },
  { id: 'workflows', title: 'Workflows', built: true, summary: 'Draw, run and schedule automation workflows.', icon: 'M6 5h4v4H6z M14 15h4v4h-4z M8 9v3a3 3 0 003 3h3' },
  { id: 'approvals', title: 'Approvals', built: true, summary: 'Workflow steps, Drive uploads, healing actions and app updates waiting for your decision.', icon: 'M5 12l4 4 10-10 M5 20h14' },
  { id: 'launches', title: 'Launches', built: true, summary: 'Draft products offline and compile them into shippable bundles.', icon: 'M12 3c3 2 5 6 5 10l-2 3H9l-2-3c0-4 2-8 5-10z M12 10h.01 M9 19l-1 2 M15 19l1 2' },
  { id: 'content', title: 'Content', built: true, summary: 'An idea seed → six marketing assets for a product: edit, copy, export and schedule them.', icon: 'M5 4h10l4 4v12H5z M9 12h6 M9 16h4 M15 4v4h4' },
  { id: 'revenue', title: 'Revenue', built: true, summary: 'Stripe MRR, sales leads and done-for-you requests.', icon: 'M4 19h16 M6 16l4-5 3 3 5-7 M18 7v3 M18 7h-3' },
  { id: 'costs', title: 'Costs', built: true, summary: 'Costs from AI usage, Stripe fees and recurring bills, budgets with alerts, and margin beside revenue.', icon: 'M12 3v18 M16 7H10a2.5 2.5 0 000 5h4a2.5 2.5 0 010 5H7' },
  { id: 'insights', title: 'Insights', built: true, summary: 'AI CEO advice from your health and revenue data.', icon: 'M9 18h6 M10 21h4 M12 3a6 6 0 00-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0012 3z' },
  { id: 'telemetry', title: 'Telemetry', built: true, summary: 'Logs, anomalies and the daily report.', icon: 'M3 12h4l2-6 4 12 2-6h6' },
  { id: 'alerts', title: 'Alerts', built: true, summary: 'Daily briefing and alerts by tray, Slack, Telegram and email.', icon: 'M6 16V11a6 6 0 1112 0v5l2 2H4l2-2z M10 21h4' },
  { id: 'backups', title: 'Backups', built: true, summary: 'Scheduled snapshots, retention, verified restores.', icon: 'M4 7c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z M4 7v10c0 1.7 3.6 3 8 3s8-1.3 8-3V7 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3' },
  { id: 'compliance', title: 'Compliance', built: true, summary: 'GDPR/CCPA subject requests: export, erase with proof, do not sell; the data map.', icon: 'M7 3h7l5 5v13H7z M14 3v5h5 M10 13h6 M10 17h6' },
  { id: 'audit', title: 'Audit log', built: true, summary: 'Every approval, stage switch and action that left the machine: who, what, when, stage, subject, outcome.', icon: 'M9 4h6v3H9z M7 5H5v16h14V5h-2 M8 11h8 M8 15h8 M8 19h5' },
  { id: 'onboarding', title: 'Get started', built: true, summary: 'A guide that sets up your first monitor, product draft and workflow from a few answers.', icon: 'M5 21V4 M5 4h11l-2 4 2 4H5' },
  { id: 'settings', title: 'Settings', built: true, summary: 'Launch stage, secrets and preferences.', icon: 'M12 9a3 3 0 100 6 3 3 0 000-6z M19 12l2-1-1-3-2 .3-1.5-1.5L17 5l-3-1-1 2h-2L10 4 7 5l.5 1.8L6 8.3 4 8 3 11l2 1v0l-2 1 1 3 2-.3 1.5 1.5L7 19l3 1 1-2h2l1 2 3-1-.5-1.8 1.5-1.5 2 .3 1-3-2-1z' },
] as const;
export type AreaId = (typeof areas)[number]['id'];
