import { ErrorNotice } from '../../components/ErrorNotice';
import { CopyField } from './CopyField';
import { OmegaFolders } from './OmegaFolders';
import { useChecklist } from './use-launches';

/** Which Omega slots hold a real PNG, the seed's launch checklist, and the Gumroad fields to paste. */
export function ChecklistPanel({ slug }: { slug: string }) {
  const { checklist, error, reload } = useChecklist(slug);

  return (
    <section className="card section" aria-labelledby="checklist-title" data-testid="checklist">
      <div className="section-head lx-head">
        <div className="section__head">
          <h2 id="checklist-title">Launch checklist</h2>
          <p className="muted">Real PNGs are checked by their signature and size, read from each file.</p>
        </div>
        <button type="button" className="button button--ghost" onClick={() => void reload()}>
          Re-check
        </button>
      </div>
      <ErrorNotice message={error} inline />
      {!checklist && !error ? <p className="muted">Reading the asset folders…</p> : null}
      {checklist ? (
        <>
          <ol className="plain-list lx-steps">
            {checklist.steps.map((step) => (
              <li key={step.id} className={`lx-step${step.done ? ' lx-step--done' : ''}`} data-testid={`step-${step.id}`}>
                <span className="lx-step__mark" aria-hidden="true" />
                <div>
                  <p className="lx-step__label">
                    {step.label}
                    <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>
                  </p>
                  <p className="muted lx-step__detail">{step.detail}</p>
                </div>
              </li>
            ))}
          </ol>

          <div className="section-head lx-subhead">
            <h3>Omega assets</h3>
            <span className="muted num" data-testid="omega-total">
              {checklist.filled} of {checklist.total} slots filled
            </span>
          </div>
          <p className="muted" data-testid="omega-hint">
            Drop PNGs onto a folder below to fill its empty slots in name order, or onto one slot to replace it. They are written to{' '}
            <code>{checklist.omegaDir}</code>
            {checklist.omegaCreated ? ', named as in its manifest.json' : ', which the first drop (or compile) creates'}.
          </p>
          <OmegaFolders slug={slug} slots={checklist.slots} onChanged={() => void reload()} />

          <div className="section-head lx-subhead">
            <h3>Gumroad listing</h3>
            <span className="muted">paste each field into the listing</span>
          </div>
          <ul className="plain-list grid-2 lx-copies">
            {checklist.gumroadFields.map((f) => (
              <CopyField key={f.label} label={f.label} value={f.value} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
