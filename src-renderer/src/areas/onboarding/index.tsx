import { useState } from 'react';
import type { OnboardingItem, OnboardingProposal } from '../../../../shared/contract/onboarding';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { AnswersForm } from './AnswersForm';
import { DraftCard, type DraftOutcome } from './DraftCard';
import './onboarding.css';

/**
 * Get started: the first-launch guide. It asks what the founder sells, their site, their first
 * product and where alerts go, then proposes a monitor, a product draft and a daily site-check
 * workflow, each created only when the founder confirms it.
 */
export default function OnboardingArea() {
  const status = useLoad(() => getApi().onboarding.status({}), []);
  const [proposal, setProposal] = useState<OnboardingProposal | undefined>(undefined);
  const [outcomes, setOutcomes] = useState<Partial<Record<OnboardingItem, DraftOutcome>>>({});
  const finish = useAction();
  const allDecided = proposal !== undefined && proposal.drafts.every((d) => outcomes[d.item] !== undefined);
  const onFinish = () =>
    void finish.run(async () => {
      await getApi().onboarding.dismiss({});
      status.reload();
    });

  return (
    <div className="onb">
      <ErrorNotice message={status.error} onRetry={status.reload} />
      {status.data?.done ? (
        <p className="toned tone--good" data-testid="onb-done">
          The getting-started guide is finished; it no longer opens by itself. You can still use it below to set up another site or product.
        </p>
      ) : null}
      {status.data ? <AnswersForm status={status.data} onProposal={(p) => (setProposal(p), setOutcomes({}))} /> : null}
      {proposal && proposal.drafts.length > 0 ? (
        <ol className="plain-list onb-drafts" aria-label="Proposed drafts">
          {proposal.drafts.map((d) => (
            <DraftCard key={d.item} draft={d} outcome={outcomes[d.item]} onOutcome={(o) => setOutcomes((all) => ({ ...all, [d.item]: o }))} />
          ))}
        </ol>
      ) : null}
      <ErrorNotice message={finish.error} inline />
      {status.data && !status.data.done ? (
        <div className="actions">
          <button type="button" className={allDecided ? 'button' : 'button button--ghost'} disabled={finish.pending} onClick={onFinish} data-testid="onb-finish">
            {allDecided ? 'Finish' : 'Dismiss the guide'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
