import { useState } from 'react';
import type { Approval } from '../../../../shared/contract/approvals';
import type { DfyPackage, PackageFields } from '../../../../shared/contract/revenue-packages';
import { getApi } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { ApprovalWaiting } from './ApprovalWaiting';
import { changedFields, changeText, packageDraft, packageInput } from './package-input';
import { PackageForm } from './PackageForm';
import { PackageRow } from './PackageRow';

type Asking = { kind: 'change'; pkg: DfyPackage; fields: Partial<PackageFields>; what: string } | { kind: 'archive'; pkg: DfyPackage };

const movesMoney = 'This moves money: it changes what customers are charged through Stripe. It goes to your Approvals inbox as a Class C approval, and nothing changes in Stripe until you approve it there.';

/**
 * The DFY packages for sale through Stripe payment links: each one, a new one, and a change or
 * archive of one. Every change is only asked for here (revenue.proposePackage, changePackage,
 * archivePackage); it happens when the founder approves it in the Approvals inbox.
 */
export function PackagesSection() {
  const [tick, setTick] = useState(0);
  const list = useLoad(() => getApi().revenue.packages({}), [tick]);
  const mode = useLoad(() => getApi().revenue.syncStatus({}), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [asking, setAsking] = useState<Asking | undefined>(undefined);
  const [waiting, setWaiting] = useState<{ id: string; what: string } | undefined>(undefined);
  const propose = useAction();
  const change = useAction();

  const asked = (approval: Approval, what: string) => {
    setWaiting({ id: approval.id, what });
    setTick((n) => n + 1);
  };
  const confirm = () => {
    if (!asking) return;
    const { pkg } = asking;
    void change.run(async () => {
      try {
        if (asking.kind === 'change') asked(await getApi().revenue.changePackage({ id: pkg.id, ...asking.fields }), `The change to ${pkg.name}`);
        else asked(await getApi().revenue.archivePackage({ id: pkg.id }), `Archiving ${pkg.name}`);
        setEditing(undefined);
      } finally {
        setAsking(undefined);
      }
    });
  };

  return (
    <Section
      id="rv-packages"
      title="DFY packages"
      description={
        <>
          {mode.data?.mode === 'test' ? (
            <span className="pill tone--warn" data-testid="packages-mode">
              Test mode
            </span>
          ) : null}{' '}
          Sold through Stripe payment links. A new package, a new price or an archive waits for your approval in the inbox.
        </>
      }
    >
      <div data-testid="packages">
        <ErrorNotice message={list.error && `Could not read the DFY packages: ${list.error}`} onRetry={list.reload} />
        {editing === undefined ? <ErrorNotice message={change.error} /> : null}
        {waiting ? <ApprovalWaiting id={waiting.id} what={waiting.what} /> : null}
        {list.data && list.data.packages.length === 0 ? <p className="empty">No DFY packages yet. A new one is on sale once you approve it.</p> : null}
        <ul className="rv-packages">
          {list.data?.packages.map((pkg) =>
            editing === pkg.id ? (
              <li key={pkg.id} className="rv-package">
                <PackageForm
                  label={`Change ${pkg.name}`}
                  start={packageDraft(pkg)}
                  submitLabel="Ask to change"
                  busy={change.pending}
                  error={change.error}
                  onSubmit={(fields) => {
                    const was = packageInput(packageDraft(pkg));
                    const diff = was.ok ? changedFields(was.fields, fields) : fields;
                    setAsking({ kind: 'change', pkg, fields: diff, what: was.ok ? changeText(was.fields, diff) : '' });
                  }}
                  onCancel={() => setEditing(undefined)}
                />
              </li>
            ) : (
              <PackageRow key={pkg.id} pkg={pkg} onChange={() => {
                  change.clearError();
                  setEditing(pkg.id);
                }} onArchive={() => setAsking({ kind: 'archive', pkg })} />
            ),
          )}
        </ul>
        {creating ? (
          <PackageForm
            label="New package"
            start={packageDraft(undefined)}
            submitLabel="Ask to put on sale"
            busy={propose.pending}
            error={propose.error}
            onSubmit={(fields) =>
              void propose.run(async () => {
                asked(await getApi().revenue.proposePackage(fields), `The new package ${fields.name.trim()}`);
                setCreating(false);
              })
            }
            onCancel={() => setCreating(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => {
                propose.clearError();
                setCreating(true);
              }}>
              New package
            </button>
          </div>
        )}
      </div>
      {asking ? (
        <ConfirmDialog
          title={asking.kind === 'change' ? `Ask to change ${asking.pkg.name}?` : `Ask to archive ${asking.pkg.name}?`}
          confirmLabel={asking.kind === 'change' ? 'Ask to change' : 'Ask to archive'}
          busy={change.pending}
          onConfirm={confirm}
          onCancel={() => setAsking(undefined)}
        >
          {asking.kind === 'change' ? <p data-testid="package-change-what">It changes: {asking.what}.</p> : null}
          <p>{asking.kind === 'archive' ? `Its payment link, price and product are deactivated in Stripe: no one can buy it any more. ${movesMoney}` : movesMoney}</p>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}
