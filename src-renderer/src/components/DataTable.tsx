import type { ReactNode } from 'react';

export interface Column {
  label: string;
  className?: string;
  /** A longer explanation, shown on hover. */
  title?: string;
  /** Read to screen readers only (a column of buttons needs no visible heading). */
  hidden?: boolean;
}

/** A column of figures, aligned right. */
export const numberColumn = (label: string): Column => ({ label, className: 'num' });

/**
 * Rows under one header row of column names. `wrap` (the default) lets a wide table scroll
 * sideways in its own box; `label` names the table for screen readers.
 */
export function DataTable({
  columns,
  className,
  label,
  testId,
  wrap = true,
  children,
}: {
  columns: ReadonlyArray<string | Column>;
  className?: string;
  label?: string;
  testId?: string;
  wrap?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => {
            const c = typeof column === 'string' ? { label: column } : column;
            return (
              <th key={c.label} scope="col" className={c.className} title={c.title}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrap ? <div className="data-table-wrap">{table}</div> : table;
}
