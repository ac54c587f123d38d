import { plainTable, type DataMapEntry } from './data-map-types';

const leadDays = 730;
const enquiry = 'legitimate interest (GDPR art. 6(1)(f)): answering an enquiry; contract once paid';

/** A table the site writes a person's enquiry into. */
function enquiryTable(table: string, purpose: string, text: readonly string[]): DataMapEntry {
  return {
    table,
    store: 'remote',
    purpose,
    personal: ['email', 'name', 'company', ...text, 'stripe_customer_id'],
    basis: enquiry,
    retention: `${leadDays} days after it arrived, then anonymised`,
    retentionDays: leadDays,
    erasure: 'delete',
    subject: { email: ['email'], customer: ['stripe_customer_id'], text },
    wipe: ['name', 'company', ...text, 'stripe_customer_id', 'stripe_payment_id'],
  };
}

/** Every table of the shared Postgres (core/remote/migrations); the coverage test keeps it whole. */
export const remoteDataMap: readonly DataMapEntry[] = [
  enquiryTable('sales_leads', 'leads the site collects', ['message', 'notes', 'utm', 'meta']),
  enquiryTable('dfy_requests', 'DFY requests the site collects', ['brief', 'notes', 'utm', 'meta']),
  { table: 'telemetry_logs', store: 'remote', purpose: 'log lines of the site and the app', personal: ['message', 'meta', 'endpoint'], basis: 'legitimate interest (GDPR art. 6(1)(f)): keeping the site working', retention: 'the telemetry retention setting', erasure: 'delete', subject: { text: ['message', 'meta', 'endpoint'] } },
  { table: 'levqor_pipeline_writes', store: 'remote', purpose: 'idempotency keys of the app\u2019s pipeline writes', personal: ['outcome'], basis: 'legitimate interest (GDPR art. 6(1)(f))', retention: 'kept while the pipeline runs', erasure: 'delete', subject: { item: ['item_id'], text: ['outcome'] } },
  { table: 'subject_requests', store: 'remote', purpose: 'the site\u2019s "download or delete my data" requests', personal: ['email'], basis: 'legal obligation (GDPR art. 6(1)(c)): answering a data-subject request', retention: 'kept as proof of the answer; the email is replaced once the person is erased', erasure: 'anonymise', subject: { email: ['email'] } },
  { table: 'levqor_runs', store: 'remote', purpose: 'workflow runs queued for the workers and their input and output', personal: ['input', 'output', 'error'], basis: 'legitimate interest (GDPR art. 6(1)(f))', retention: 'kept as the run history', erasure: 'anonymise', subject: { text: ['input', 'output', 'error'] } },
  { table: 'levqor_run_steps', store: 'remote', purpose: 'the steps of each run a worker drives', personal: ['input', 'output', 'error'], basis: 'legitimate interest (GDPR art. 6(1)(f))', retention: 'kept as the run history', erasure: 'anonymise', subject: { text: ['input', 'output', 'error'] } },
  plainTable('remote', 'levqor_workers', 'the workers and their heartbeats'),
  plainTable('remote', 'levqor_workflows', 'workflows published for the workers'),
  plainTable('remote', 'dfy_packages', 'DFY packages the site shows'),
  plainTable('remote', 'levqor_schema_migrations', 'the remote schema\u2019s version'),
];
