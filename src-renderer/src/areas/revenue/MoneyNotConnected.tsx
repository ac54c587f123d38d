/**
 * The Stripe half of the page (KPI tiles, MRR movements, customers, Stripe sync) until it is
 * wired to the synced Stripe tables: said plainly, with no figures rather than made-up ones.
 */
export function MoneyNotConnected() {
  return (
    <section className="card empty-panel" aria-labelledby="rv-money-title" data-testid="revenue-money-pending">
      <h2 id="rv-money-title">Stripe money: not built yet</h2>
      <p className="muted">
        MRR, ARR, churn, ARPA, LTV, the MRR movements chart, the customers table and the Stripe sync status are not connected to this page yet: until they come from your synced Stripe data, no data is
        shown for them, rather than made-up figures.
      </p>
    </section>
  );
}
