import { brand } from '../../../shared/brand';

/** `neonFluxBlue` -> `neon-flux-blue`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The brand tokens as CSS custom properties: `--brand-neon-flux-blue`, `--ui-surface`, `--class-a`. */
export function brandCssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(brand.colors)) vars[`--brand-${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(brand.ui)) vars[`--ui-${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(brand.classColors)) vars[`--class-${name.toLowerCase()}`] = value;
  return vars;
}

/** Writes the tokens onto :root once at startup, so the stylesheet never holds a raw colour. */
export function applyBrandTokens(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(brandCssVariables())) root.style.setProperty(name, value);
  root.style.colorScheme = 'dark';
}
