import { useCallback, useEffect, useRef, useState } from 'react';
import { omegaFolderStyles, omegaFolders } from '../../../../shared/omega';
import type { ChecklistSlot } from '../../../../shared/contract/products';
import { getApi } from '../../api/client';
import { SendList } from './SendList';
import { useDropZone } from './use-drop-zone';
import { useFileSends, type FileToSend } from './use-file-sends';

const size = (w: number | undefined, h: number | undefined) => `${w ?? '?'}×${h ?? '?'}`;

function slotTitle(slot: ChecklistSlot): string {
  const made = `${slot.style ? `${slot.style} style, ` : ''}made for ${size(slot.expectedWidth, slot.expectedHeight)}`;
  if (slot.png) return `${slot.path}: ${size(slot.width, slot.height)} PNG, ${made}${slot.sizeNote ? ` (${slot.sizeNote})` : ''}; drop a PNG to replace it`;
  if (slot.present) return `${slot.path}: ${slot.problem ?? 'not a real PNG'}; drop a PNG to replace it`;
  return `${slot.path}: empty, ${made}; drop a PNG here`;
}

/** A slot's PNG as a data URL for its preview; fetched again when `rev` moves (after a drop). */
function usePreview(slug: string, slot: ChecklistSlot, rev: number): string | undefined {
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!slot.png) return setSrc(undefined);
    let live = true;
    getApi()
      .products.omegaImage({ slug, slot: slot.path })
      .then((img) => live && setSrc(`data:image/png;base64,${img.data}`), () => live && setSrc(undefined));
    return () => {
      live = false;
    };
  }, [slug, slot.path, slot.png, slot.width, slot.height, rev]);
  return src;
}

/** A PNG on its way into one slot. */
function slotSend(slug: string, slot: ChecklistSlot, file: File): FileToSend {
  return { file, name: `${slot.path} ← ${file.name}`, call: (part) => getApi().products.putOmegaImage({ slug, slot: slot.path, ...part }) };
}

function SlotTile({ slug, slot, rev, send }: { slug: string; slot: ChecklistSlot; rev: number; send(files: FileToSend[]): void }) {
  const preview = usePreview(slug, slot, rev);
  const zone = useDropZone((files) => send(files.slice(0, 1).map((file) => slotSend(slug, slot, file))));
  const state = slot.png ? (slot.sizeNote ? 'odd' : 'png') : slot.present ? 'bad' : 'empty';
  return (
    <li className={`lx-slot lx-slot--${state}${zone.over ? ' lx-slot--over' : ''}`} title={slotTitle(slot)} data-testid={`slot-${slot.path}`} data-state={state} {...zone.props}>
      {preview ? <img src={preview} alt={`${slot.file}, ${size(slot.width, slot.height)}`} /> : <span aria-hidden="true">{slot.file.replace(/^.*-0?(\d+)\.png$/, '$1')}</span>}
    </li>
  );
}

/**
 * PNGs dropped onto a folder fill its empty slots in name order; the ones left over are
 * refused (drop one onto a slot to replace that slot). "Add PNGs…" does the same from a picker.
 */
function FolderCard({ slug, folder, slots, rev, send }: { slug: string; folder: (typeof omegaFolders)[number]; slots: ChecklistSlot[]; rev: number; send(files: FileToSend[]): void }) {
  const picker = useRef<HTMLInputElement>(null);
  const fill = (files: File[]) => {
    const empty = slots.filter((s) => !s.present);
    const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    send(
      sorted.map((file, i) => {
        const slot = empty[i];
        if (slot) return slotSend(slug, slot, file);
        return { file, name: file.name, call: () => Promise.reject(new Error(`no empty slot left in ${folder.folder}: drop it onto a slot to replace that one`)) };
      }),
    );
  };
  const zone = useDropZone(fill);
  const filled = slots.filter((s) => s.png).length;
  // the first PNGs with their size, every one of another size than the slot's, every file that is no PNG
  const notes = slots.filter((s) => s.present && (!s.png || s.sizeNote || slots.filter((p) => p.png).indexOf(s) < 3));
  return (
    <li className={`lx-folder${filled === slots.length ? ' lx-folder--full' : ''}${zone.over ? ' lx-folder--over' : ''}`} data-testid={`omega-${folder.folder}`} {...zone.props}>
      <div className="lx-folder__head">
        <span className="lx-folder__name">{folder.folder}</span>
        <span className="lx-folder__count num" data-testid={`omega-${folder.folder}-count`}>
          {filled} of {slots.length}
        </span>
      </div>
      <p className="lx-folder__note muted" data-testid={`omega-${folder.folder}-size`}>
        PNG, made for {size(folder.size.width, folder.size.height)}
      </p>
      {omegaFolderStyles(folder).length > 0 && (
        <p className="lx-folder__note muted" data-testid={`omega-${folder.folder}-styles`}>
          {folder.slots / omegaFolderStyles(folder).length} per style: {omegaFolderStyles(folder).join(', ')}
        </p>
      )}
      <ul className="plain-list lx-slots">
        {slots.map((slot) => (
          <SlotTile key={slot.path} slug={slug} slot={slot} rev={rev} send={send} />
        ))}
      </ul>
      {notes.map((s) =>
        s.png ? (
          <p key={s.path} className={`lx-folder__note ${s.sizeNote ? 'toned tone--warn' : 'muted'}`}>
            {s.file} · {size(s.width, s.height)}
            {s.sizeNote ? ` (made for ${size(s.expectedWidth, s.expectedHeight)})` : ''}
          </p>
        ) : (
          <p key={s.path} className="lx-folder__note field-error">
            {s.file}: {s.problem ?? 'not a real PNG'}
          </p>
        ),
      )}
      <button type="button" className="button button--small button--ghost lx-folder__add" onClick={() => picker.current?.click()}>
        Add PNGs…
      </button>
      <input
        ref={picker}
        type="file"
        accept="image/png"
        multiple
        hidden
        aria-label={`PNGs for ${folder.folder}`}
        onChange={(e) => {
          fill(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
      />
    </li>
  );
}

/** The nine Omega folders as drop targets, each slot with its preview and the size it is made for. */
export function OmegaFolders({ slug, slots, onChanged }: { slug: string; slots: ChecklistSlot[]; onChanged(): void }) {
  const [rev, setRev] = useState(0);
  const done = useCallback(() => {
    setRev((r) => r + 1);
    onChanged();
  }, [onChanged]);
  const { sends, start } = useFileSends(done);
  const send = (files: FileToSend[]) => void start(files);
  return (
    <>
      <SendList sends={sends} testId="omega-sends" />
      <ul className="plain-list lx-folders">
        {omegaFolders.map((f) => (
          <FolderCard key={f.folder} slug={slug} folder={f} slots={slots.filter((s) => s.folder === f.folder)} rev={rev} send={send} />
        ))}
      </ul>
    </>
  );
}
