import { omegaFolders } from '../../../../shared/omega';
import type { Checklist } from '../../../../shared/contract/products';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CopyField } from './CopyField';
import { useChecklist } from './use-launches';

type Slot = Checklist['slots'][number];

function slotTitle(slot: Slot): string {
  if (slot.png) return `${slot.path}: ${slot.width ?? '?'}×${slot.height ?? '?'} PNG`;
  if (slot.present) return `${slot.path}: ${slot.problem ?? 'not a real PNG'}`;
  return `${slot.path}: missing`;
}

function FolderCard({ folder, slots }: { folder: string; slots: Slot[] }) {
  const filled = slots.filter((s) => s.png).length;
  const bad = slots.filter((s) => s.present && !s.png);
  return (
    <li className={`lx-folder${filled === slots.length ? ' lx-folder--full' : ''}`} data-testid={`omega-${folder}`}>
      <div className="lx-folder__head">
        <span className="lx-folder__name">{folder}</span>
        <span className="lx-folder__count num">
          {filled} of {slots.length}
        </span>
      </div>
      <ul className="plain-list lx-slots" aria-hidden="true">
        {slots.map((slot) => (
          <li key={slot.path} className={`lx-slot lx-slot--${slot.png ? 'png' : slot.present ? 'bad' : 'empty'}`} title={slotTitle(slot)} />
        ))}
      </ul>
      {slots
        .filter((s) => s.png)
        .slice(0, 3)
        .map((s) => (
          <p key={s.path} className="lx-folder__note muted">
            {s.file} · {s.width}×{s.height}
          </p>
        ))}
      {bad.map((s) => (
        <p key={s.path} className="lx-folder__note field-error">
          {s.file}: {s.problem ?? 'not a real PNG'}
        </p>
      ))}
    </li>
  );
}

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
          {!checklist.omegaCreated ? (
            <p className="muted">
              The folders are created by the first compile, under <code>{checklist.omegaDir}</code>.
            </p>
          ) : (
            <p className="muted">
              Drop PNGs into <code>{checklist.omegaDir}</code>, named as in its <code>manifest.json</code>.
            </p>
          )}
          <ul className="plain-list lx-folders">
            {omegaFolders.map((f) => (
              <FolderCard key={f.folder} folder={f.folder} slots={checklist.slots.filter((s) => s.folder === f.folder)} />
            ))}
          </ul>

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
