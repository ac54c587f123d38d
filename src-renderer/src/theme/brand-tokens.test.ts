import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brand, brandLight } from '../../../shared/brand';
import { brandCssVariables, brandStylesheet } from './brand-tokens';

/** Every stylesheet of the renderer: app.css and the ones beside an area's components. */
const srcDir = fileURLToPath(new URL('..', import.meta.url));
const cssFiles = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
const css = cssFiles.map((f) => readFileSync(`${srcDir}/${f}`, 'utf8')).join('\n');

describe('brand tokens', () => {
  it('turns every HYBRID FLUX WAVE colour into a custom property', () => {
    const vars = brandCssVariables();
    expect(vars['--brand-neon-flux-blue']).toBe(brand.colors.neonFluxBlue);
    expect(vars['--brand-deep-space-black']).toBe(brand.colors.deepSpaceBlack);
    expect(vars['--ui-surface-raised']).toBe(brand.ui.surfaceRaised);
    expect(vars['--class-c']).toBe(brand.classColors.C);
    const count = Object.keys(brand.colors).length + Object.keys(brand.ui).length + Object.keys(brand.classColors).length;
    expect(Object.keys(vars)).toHaveLength(count);
  });

  it('has a light palette with every token of the dark one, switched by the OS preference', () => {
    expect(Object.keys(brandCssVariables(brandLight))).toEqual(Object.keys(brandCssVariables()));
    const sheet = brandStylesheet();
    expect(sheet).toContain('color-scheme:dark;');
    expect(sheet).toContain(`@media (prefers-color-scheme: light){:root{color-scheme:light;`);
    expect(sheet).toContain(`--ui-text:${brandLight.ui.text};`);
  });

  it('reads app.css and the area stylesheets', () => {
    expect(cssFiles).toContain('styles/app.css');
  });

  it('leaves the stylesheets without raw colour values', () => {
    expect(css.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi)).toBeNull();
  });

  it('uses only custom properties that exist', () => {
    const defined = new Set([...Object.keys(brandCssVariables()), ...[...css.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1])]);
    const used = [...css.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });
});
