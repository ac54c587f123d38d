/** Shown when the server answers 401: the browser has no session yet. */
export function LockedScreen() {
  return (
    <main className="locked" aria-labelledby="locked-title">
      <div className="locked__card">
        <span className="sidebar__mark locked__mark" aria-hidden="true" />
        <h1 id="locked-title">Access link needed</h1>
        <p>
          This Levqor X server needs its access link. Open the URL that <code>levqor serve</code> printed (it ends in{' '}
          <code>?token=…</code>).
        </p>
      </div>
    </main>
  );
}
