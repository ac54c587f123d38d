import { stageLabel, type StageModel } from '../../../../shared/pipeline-stages';
import { When } from '../../components/When';
import { moneyText } from './format';
import type { ItemWithChanges } from './pipeline-api';

const utmNames = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** What the site captured and what the pipeline recorded: read-only facts of one item. */
export function ItemFacts({ item, model }: { item: ItemWithChanges; model: StageModel }) {
  const dfy = model.kind === 'dfy' && 'budget' in item ? item : undefined;
  const utm = utmNames.filter((n) => item.utm[n]).map((n) => `${n}: ${item.utm[n]}`);
  const times = model.all.filter((s) => item.stageTimes[s] !== undefined);
  return (
    <dl className="facts" data-testid="item-facts">
      <dt>Email</dt>
      <dd>{item.email}</dd>
      <dt>Stage</dt>
      <dd data-testid="item-stage">{stageLabel(item.stage)}</dd>
      <dt>Value</dt>
      <dd className="num" data-testid="item-value">
        {moneyText(item.value)}
      </dd>
      {dfy ? (
        <>
          <dt>Budget</dt>
          <dd className="num">{moneyText(dfy.budget)}</dd>
          <dt>Due</dt>
          <dd>{dfy.dueDate ?? '—'}</dd>
        </>
      ) : null}
      <dt>{model.kind === 'lead' ? 'Product' : 'Package'}</dt>
      <dd>{item.product ?? '—'}</dd>
      <dt>{model.kind === 'lead' ? 'Message' : 'Brief'}</dt>
      <dd>{item.message ?? '—'}</dd>
      <dt>Source</dt>
      <dd>{item.source ?? '—'}</dd>
      <dt>UTM</dt>
      <dd>{utm.length > 0 ? utm.join(' · ') : '—'}</dd>
      <dt>Stage times</dt>
      <dd>
        <ul className="plain-list rv-times">
          {times.map((s) => (
            <li key={s}>
              {stageLabel(s)}: <When at={item.stageTimes[s]!} />
            </li>
          ))}
        </ul>
      </dd>
      {item.stageReason ? (
        <>
          <dt>Moved back because</dt>
          <dd>{item.stageReason}</dd>
        </>
      ) : null}
      <dt>Stripe customer</dt>
      <dd>{item.stripeCustomerId ?? '—'}</dd>
      <dt>Stripe payment</dt>
      <dd>{item.stripePaymentId ?? '—'}</dd>
      <dt>Write-back</dt>
      <dd>{item.pendingChanges > 0 ? `${item.pendingChanges} change(s) waiting for the next sync` : `all changes written (${item.changes.length} in the log)`}</dd>
    </dl>
  );
}
