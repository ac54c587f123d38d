import type { OnboardingDraft } from '../../../../shared/contract/onboarding';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PreviewFields } from '../../components/PreviewFields';
import { useAction } from '../../hooks/use-action';

/** Where each confirmed item is seen afterwards. */
const whereToSee = { monitor: { href: '#/guardian', area: 'Guardian' }, product: { href: '#/launches', area: 'Launches' }, workflow: { href: '#/workflows', area: 'Workflows' } } as const;

export type DraftOutcome = { kind: 'created'; name: string } | { kind: 'skipped' };

/** One proposed draft, previewed, with Confirm (creates exactly this item) and Skip. */
export function DraftCard({ draft, outcome, onOutcome }: { draft: OnboardingDraft; outcome: DraftOutcome | undefined; onOutcome(o: DraftOutcome): void }) {
  const action = useAction();
  const confirm = () =>
    void action.run(async () => {
      const made = await getApi().onboarding.confirm({ item: draft.item, draft: draft.draft });
      onOutcome({ kind: 'created', name: made.name });
    });
  const see = whereToSee[draft.item];
  return (
    <li className="card onb-draft" data-testid={`onb-draft-${draft.item}`}>
      <h3>{draft.title}</h3>
      <p className="muted">{draft.explanation}</p>
      <PreviewFields value={draft.draft} testId={`onb-preview-${draft.item}`} />
      <ErrorNotice message={action.error} inline testId={`onb-draft-error-${draft.item}`} />
      {outcome === undefined ? (
        <div className="actions">
          <button type="button" className="button button--ghost" disabled={action.pending} onClick={() => onOutcome({ kind: 'skipped' })}>
            Skip
          </button>
          <button type="button" className="button" disabled={action.pending} onClick={confirm} data-testid={`onb-confirm-${draft.item}`}>
            {action.pending ? 'Creating…' : 'Confirm'}
          </button>
        </div>
      ) : outcome.kind === 'created' ? (
        <p className="toned tone--good" data-testid={`onb-created-${draft.item}`}>
          Created “{outcome.name}”. <a href={see.href}>See it in {see.area}</a>
        </p>
      ) : (
        <p className="muted">Skipped: nothing was created.</p>
      )}
    </li>
  );
}
