import type { ReactNode } from 'react';

/**
 * The frame of a settings or secrets row: what it is on the left (its label, then `about`), its
 * control and status on the right. The label's id is `<base>-label`, for the control to name.
 */
export function RowFrame({ kind, base, label, about, children }: { kind: 'setting' | 'secret'; base: string; label: string; about: ReactNode; children: ReactNode }) {
  return (
    <li className={kind} data-testid={base}>
      <div className={`${kind}__about`}>
        <span className="setting__label" id={`${base}-label`}>
          {label}
        </span>
        {about}
      </div>
      <div className="setting__control">{children}</div>
    </li>
  );
}
