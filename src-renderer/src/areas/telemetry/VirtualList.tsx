import { useCallback, useLayoutEffect, useState, type ReactNode, type UIEvent } from 'react';
import { visibleRange } from './virtual-range';

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  overscan?: number;
  label: string;
  renderRow(item: T, index: number): ReactNode;
  rowKey(item: T): string;
  /** Called with the last rendered index, to load the next page in time. */
  onRangeEnd?(end: number): void;
  footer?: ReactNode;
}

/** A fixed-row-height list that keeps only the visible rows (plus overscan) in the DOM. */
export function VirtualList<T>({ items, rowHeight, height, overscan = 8, label, renderRow, rowKey, onRangeEnd, footer }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const { start, end } = visibleRange(scrollTop, height, rowHeight, items.length, overscan);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);

  useLayoutEffect(() => {
    onRangeEnd?.(end);
  }, [end, items.length, onRangeEnd]);

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <div key={rowKey(item)} className="vlist__row" role="listitem" data-index={i} style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div className="vlist" role="list" aria-label={label} data-count={items.length} style={{ height }} onScroll={onScroll} tabIndex={0} data-testid="telemetry-vlist">
      <div className="vlist__spacer" style={{ height: items.length * rowHeight }} role="presentation">
        {rows}
      </div>
      {footer}
    </div>
  );
}
