import { plainTable, type DataMapEntry } from './data-map-types';

const contract = 'contract (GDPR art. 6(1)(b)): billing a customer';
const tax = 'legal obligation (GDPR art. 6(1)(c)): tax and accounting records';
const interest = 'legitimate interest (GDPR art. 6(1)(f))';
const taxKept = 'kept 10 years for tax, then with the Stripe account';
const leadDays = 730;

/** A Stripe table the revenue sync keeps: found by customer id, or by the id inside its JSON. */
function stripeTable(table: string, purpose: string, erasure: 'delete' | 'anonymise' | 'legal-hold', byCustomer = true): DataMapEntry {
  return {
    table,
    store: 'local',
    purpose,
    personal: byCustomer ? ['customer', 'data'] : ['data'],
    basis: erasure === 'legal-hold' ? tax : contract,
    retention: erasure === 'legal-hold' ? taxKept : 'kept while the Stripe account keeps it',
    erasure,
    subject: { ...(byCustomer ? { customer: ['customer'] } : {}), text: ['data'] },
  };
}

/** Free text that may quote a person (a notice, a run's input, a log line): found by what it contains. */
function textTable(table: string, purpose: string, text: readonly string[], erasure: 'delete' | 'anonymise', retention: string): DataMapEntry {
  return { table, store: 'local', purpose, personal: text, basis: interest, retention, erasure, subject: { text } };
}

/** Every table of the local store (core/db/migrations); tests/unit/data-map-coverage.test.ts keeps it whole. */
export const localDataMap: readonly DataMapEntry[] = [
  {
    table: 'pipeline_items',
    store: 'local',
    purpose: 'leads and DFY requests pulled from the site',
    personal: ['email', 'name', 'company', 'message', 'notes', 'stripe_customer_id', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'],
    basis: `${interest}: answering an enquiry; contract once a DFY request is paid`,
    retention: `${leadDays} days after the lead arrived, then anonymised`,
    retentionDays: leadDays,
    erasure: 'delete',
    subject: { email: ['email'], customer: ['stripe_customer_id'], text: ['message', 'notes'] },
    wipe: ['name', 'company', 'message', 'notes', 'stripe_customer_id', 'stripe_payment_id', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'],
  },
  { table: 'pipeline_changes', store: 'local', purpose: 'the founder\u2019s pipeline edits waiting to be written back', personal: ['changes', 'outcome'], basis: interest, retention: 'until written back', erasure: 'delete', subject: { item: ['item_id'], text: ['changes', 'outcome'] } },
  { table: 'stripe_customers', store: 'local', purpose: 'Stripe customers (synced)', personal: ['email', 'name', 'data'], basis: contract, retention: 'kept while the Stripe account keeps it', erasure: 'delete', subject: { email: ['email'], customer: ['id'], text: ['data'] } },
  stripeTable('stripe_subscriptions', 'subscriptions (MRR history)', 'anonymise'),
  stripeTable('stripe_subscription_items', 'subscription items', 'anonymise', false),
  { ...stripeTable('stripe_subscription_versions', 'subscription history for the MRR figures', 'anonymise'), personal: ['customer', 'data', 'revenue_data'], subject: { customer: ['customer'], text: ['data', 'revenue_data'] } },
  stripeTable('stripe_invoices', 'invoices', 'legal-hold'),
  stripeTable('stripe_invoice_lines', 'invoice lines', 'legal-hold', false),
  stripeTable('stripe_charges', 'payments', 'legal-hold'),
  stripeTable('stripe_refunds', 'refunds', 'legal-hold', false),
  stripeTable('stripe_balance_transactions', 'Stripe balance movements and fees', 'legal-hold', false),
  stripeTable('stripe_discounts', 'discounts applied to a customer', 'anonymise'),
  stripeTable('stripe_checkout_sessions', 'checkout sessions', 'anonymise'),
  { table: 'stripe_events', store: 'local', purpose: 'Stripe events already applied', personal: ['object_id'], basis: contract, retention: 'kept while the Stripe account keeps it', erasure: 'anonymise', subject: { customer: ['object_id'] } },
  textTable('telemetry_logs', 'log lines of the app and the site', ['message', 'meta', 'endpoint'], 'delete', 'the telemetry retention setting'),
  textTable('telemetry_groups', 'grouped log lines with a sample', ['sample'], 'delete', 'the telemetry retention setting'),
  textTable('telemetry_anomalies', 'detected anomalies', ['subject', 'summary'], 'delete', 'the telemetry retention setting'),
  textTable('notify_outbox', 'notices for the founder and their delivery', ['notice', 'last_error', 'last_answer'], 'delete', 'the delivery history\u2019s length'),
  textTable('notify_attempts', 'each delivery attempt of a notice', ['answer', 'error'], 'delete', 'the delivery history\u2019s length'),
  textTable('telegram_buttons', 'Approve / Reject buttons sent to Telegram', ['message_html'], 'delete', 'until the button expires'),
  textTable('approvals', 'the founder\u2019s decisions (the audit trail)', ['subject_ref', 'subject_title', 'message', 'preview', 'reason', 'outcome'], 'anonymise', 'kept as the audit trail'),
  textTable('workflow_audit', 'every side effect, dry run and block (the audit trail)', ['subject_ref', 'detail', 'actor'], 'anonymise', 'kept as the audit trail'),
  textTable('runs', 'workflow runs and their input and output', ['input', 'output', 'error'], 'anonymise', 'kept as the run history'),
  textTable('run_steps', 'the steps of each run', ['input', 'output', 'error', 'state'], 'anonymise', 'kept as the run history'),
  textTable('run_logs', 'the log lines of each run', ['message', 'data'], 'anonymise', 'kept as the run history'),
  textTable('insight_history', 'what the AI CEO showed and what was done', ['finding', 'action_ref'], 'anonymise', 'kept as the insight history'),
  {
    table: 'subject_requests',
    store: 'local',
    purpose: 'data-subject requests (export, erase, do not sell or share)',
    personal: ['email'],
    basis: 'legal obligation (GDPR art. 6(1)(c)): answering a data-subject request',
    retention: 'kept as proof of the answer; the email is cleared once the person is erased',
    erasure: 'anonymise',
    subject: { email: ['email'] },
  },
  plainTable('local', 'subject_flags', 'CCPA do-not-sell flags, by email hash only'),
  plainTable('local', 'compliance_state', 'the site pull\u2019s cursor and the erasures applied'),
  { ...plainTable('local', 'settings', 'the founder\u2019s settings (their own alert addresses)'), personal: ['value'], basis: `${interest}: the founder\u2019s own configuration` },
  { ...plainTable('local', 'browser_sessions', 'browsers signed in to levqor serve (the founder\u2019s)'), personal: ['user_agent'], basis: `${interest}: securing the founder\u2019s access` },
  plainTable('local', 'secrets', 'API keys and passwords, encrypted'),
  plainTable('local', 'app_state', 'the app\u2019s own state'),
  plainTable('local', 'recurring_costs', 'costs the founder enters (vendor names and amounts)'),
  plainTable('local', 'cost_budgets', 'budgets per cost category'),
  plainTable('local', 'cost_budget_alerts', 'budget crossings already alerted'),
  plainTable('local', 'ai_usage', 'tokens and cost of each model call (no prompt text)'),
  plainTable('local', 'backup_plans', 'backup plans'),
  plainTable('local', 'backup_operations', 'the history of backup operations'),
  plainTable('local', 'dfy_packages', 'DFY packages on sale'),
  plainTable('local', 'dfy_paid_announced', 'paid DFY requests already announced (ids only)'),
  plainTable('local', 'guardian_beats', 'monitor results'),
  plainTable('local', 'guardian_monitors', 'monitors'),
  plainTable('local', 'guardian_scores', 'health scores'),
  plainTable('local', 'notify_channels', 'channel pacing'),
  plainTable('local', 'notify_pause', 'notification pauses'),
  plainTable('local', 'notify_rules', 'notification rules'),
  plainTable('local', 'pipeline_sync_state', 'the pipeline pull\u2019s cursors'),
  plainTable('local', 'product_builds', 'compiled products'),
  plainTable('local', 'product_uploads', 'product uploads to Drive'),
  plainTable('local', 'schedule_state', 'workflow schedules'),
  plainTable('local', 'stripe_coupons', 'coupons'),
  plainTable('local', 'stripe_payment_links', 'payment links'),
  plainTable('local', 'stripe_prices', 'prices'),
  plainTable('local', 'stripe_products', 'products'),
  plainTable('local', 'stripe_sync_state', 'the Stripe sync\u2019s cursors'),
  plainTable('local', 'stripe_webhook_deliveries', 'webhook counts per hour'),
  plainTable('local', 'telegram_parts_sent', 'Telegram message parts sent (ids)'),
  plainTable('local', 'telegram_poll', 'the Telegram poll offset'),
  plainTable('local', 'telemetry_blocks', 'telemetry storage blocks'),
  plainTable('local', 'telemetry_rollup_endpoints', 'request counts per endpoint'),
  plainTable('local', 'telemetry_rollup_fingerprints', 'log counts per fingerprint'),
  plainTable('local', 'telemetry_rollup_levels', 'log counts per level'),
  plainTable('local', 'telemetry_sync_state', 'the telemetry sync\u2019s cursors'),
  plainTable('local', 'workflow_definitions', 'workflow definitions'),
  plainTable('local', 'workflow_versions', 'saved workflow versions'),
  plainTable('local', 'workflows', 'workflows'),
];
