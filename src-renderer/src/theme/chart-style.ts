import type { CSSProperties } from 'react';

/**
 * Colours for recharts as CSS custom properties rather than hex values, so a chart follows the
 * theme (dark, or light when the OS prefers it) like the rest of the page.
 */
export const chartColors = {
  grid: 'var(--ui-border)',
  axis: 'var(--ui-text-muted)',
  muted: 'var(--ui-text-muted)',
  raised: 'var(--ui-surface-raised)',
  blue: 'var(--brand-neon-flux-blue)',
  teal: 'var(--brand-aurora-pulse-teal)',
  purple: 'var(--brand-plasma-purple)',
  success: 'var(--ui-success)',
  warning: 'var(--ui-warning)',
  danger: 'var(--ui-danger)',
} as const;

/** A chart tooltip's box. */
export const chartTooltipStyle: CSSProperties = {
  background: 'var(--ui-surface-raised)',
  border: '1px solid var(--ui-border)',
  borderRadius: 8,
  color: 'var(--ui-text)',
  fontSize: 12,
};
