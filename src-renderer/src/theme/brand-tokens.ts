import { brand, brandLight } from '../../../shared/brand';

type Palette = typeof brandLight;

/** `neonFluxBlue` -> `neon-flux-blue`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A palette's tokens as CSS custom properties: `--brand-neon-flux-blue`, `--ui-surface`, `--class-a`. */
export function brandCssVariables(palette: Palette = brand): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(palette.colors)) vars[`--brand-${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(palette.ui)) vars[`--ui-${kebab(name)}`] = value;
  for (const [name, value] of Object.entries(palette.classColors)) vars[`--class-${name.toLowerCase()}`] = value;
  return vars;
}

const block = (vars: Record<string, string>, scheme: 'dark' | 'light') =>
  `:root{color-scheme:${scheme};${Object.entries(vars)
    .map(([k, v]) => `${k}:${v};`)
    .join('')}}`;

/** The stylesheet of the tokens: dark by default, light while the OS prefers light (it follows a change live). */
export function brandStylesheet(): string {
  return `${block(brandCssVariables(brand), 'dark')}\n@media (prefers-color-scheme: light){${block(brandCssVariables(brandLight), 'light')}}`;
}

/** Writes the tokens into the document once at startup, so the stylesheets never hold a raw colour. */
export function applyBrandTokens(doc: Document = document): void {
  const style = doc.createElement('style');
  style.id = 'brand-tokens';
  style.textContent = brandStylesheet();
  doc.head.prepend(style);
}
