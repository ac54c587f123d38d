/** Shown while no telemetry row is stored at all: how to send some, no sample data. */
export function EmptyState() {
  const origin = typeof window !== 'undefined' && window.location.protocol.startsWith('http') ? window.location.origin : 'http://127.0.0.1:<port>';
  return (
    <section className="card empty-panel" aria-labelledby="tempty-title" data-testid="telemetry-empty">
      <span className="pill pill--muted">Empty</span>
      <h2 id="tempty-title">No telemetry yet</h2>
      <p className="muted">Nothing is stored yet, so nothing is shown: no sample rows, no made-up charts. Send some in any of these ways:</p>
      <ol className="tempty__ways">
        <li>
          From a file, one JSON row per line: <code>levqor telemetry ingest events.ndjson</code>
        </li>
        <li>
          Over HTTP to <code>levqor serve</code>: <code>POST {origin}/ingest/telemetry</code> with <code>Authorization: Bearer &lt;token&gt;</code>, NDJSON or a JSON array, up to 10,000 rows a batch.
        </li>
        <li>From the hosted site: configure the remote Postgres and its <code>telemetry_logs</code> rows are pulled on every sync.</li>
      </ol>
      <p className="muted">
        A row needs <code>level</code> and <code>message</code>; <code>ts</code>, <code>source</code>, <code>endpoint</code>, <code>method</code>, <code>status</code>, <code>duration_ms</code>, <code>trace_id</code> and <code>meta</code> are optional. This page refreshes as soon as rows arrive.
      </p>
    </section>
  );
}
