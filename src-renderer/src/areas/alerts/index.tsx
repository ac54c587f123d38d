/** Alerts: the outbox with Retry, the rules, the daily briefing's preview and Send now, the channels. */
export { default } from './AlertsPage';
