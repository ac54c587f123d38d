/** Shown when the server answers 401: this browser has no session, or it ended. */
export function LockedScreen({ linkRefused = false }: { linkRefused?: boolean }) {
  return (
    <main className="locked" aria-labelledby="locked-title">
      <div className="locked__card">
        <span className="sidebar__mark locked__mark" aria-hidden="true" />
        <h1 id="locked-title">Access link needed</h1>
        {linkRefused ? (
          <p role="alert">
            That link&rsquo;s token is not this server&rsquo;s. Copy the link again from where <code>levqor serve</code> printed it.
          </p>
        ) : null}
        <p>
          This Levqor X server needs its access link. Open the URL that <code>levqor serve</code> printed (it ends in{' '}
          <code>?token=…</code>). A browser stays signed in for 14 days after its last visit; <code>levqor sessions revoke --all</code> signs every browser out.
        </p>
      </div>
    </main>
  );
}
