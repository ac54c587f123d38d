import type { CSSProperties } from 'react';
import { brand } from '../../../shared/brand';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** shared/brand.ts as CSS custom properties (`--brand-neon-flux-blue`, `--brand-text`), which globals.css maps to Tailwind colours. */
export function brandCssVars(): CSSProperties {
  const vars = Object.entries({ ...brand.colors, ...brand.ui }).map(([name, hex]) => [`--brand-${kebab(name)}`, hex]);
  return Object.fromEntries(vars) as CSSProperties;
}
