import { getApi } from '../../api/client';
import { describeBrowser } from '../../format/browser';
import { forgetSession } from '../../api/browser-session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { When } from '../../components/When';

/**
 * Browsers signed in to `levqor serve` through its access link: which, since when, until
 * when, and a way to sign each out (a lost laptop, a shared machine).
 */
export function SessionsSection() {
  const sessions = useLoad(() => getApi().sessions.list({}), []);
  const action = useAction();
  const inBrowser = !window.levqor;

  const revoke = (input: { id: string } | { all: true }) => void action.run(async () => {
    await getApi().sessions.revoke(input);
    sessions.reload();
  });
  const signOut = () =>
    void action.run(async () => {
      await getApi().sessions.revoke({ current: true });
      forgetSession();
      window.location.reload();
    });

  const list = sessions.data?.sessions ?? [];
  return (
    <Section id="sessions" title="Browser sessions" description="Browsers that opened the access link of levqor serve. A session ends 14 days after its last use, or when you sign it out here.">
      <ErrorNotice message={sessions.error ?? action.error?.message} inline />
      {list.length === 0 && !sessions.loading ? <p className="muted">No browser is signed in.</p> : null}
      {list.length > 0 ? (
        <DataTable label="Browser sessions" columns={['Browser', 'Signed in', 'Last used', 'Ends', { label: 'Actions', hidden: true }]}>
          {list.map((s) => (
            <tr key={s.id} data-testid="session-row">
              <td>
                <span title={s.userAgent}>{describeBrowser(s.userAgent)}</span>
                {s.current ? <span className="muted"> (this browser)</span> : null}
              </td>
              <td data-testid="session-signed-in">
                <When at={s.createdAt} />
              </td>
              <td data-testid="session-last-used">
                <When at={s.lastSeenAt} show="relative" />
              </td>
              <td>
                <When at={s.expiresAt} />
              </td>
              <td>
                {s.current ? (
                  <button type="button" className="button" disabled={action.pending} onClick={signOut}>
                    Sign out
                  </button>
                ) : (
                  <button type="button" className="button" disabled={action.pending} onClick={() => revoke({ id: s.id })}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {list.length > 1 || (list.length === 1 && !inBrowser) ? (
        <button type="button" className="button" disabled={action.pending} onClick={() => revoke({ all: true })}>
          Sign out every browser
        </button>
      ) : null}
    </Section>
  );
}
