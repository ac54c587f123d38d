import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandCssVariables } from '../../theme/brand-tokens';

const css = readFileSync(new URL('./guardian.css', import.meta.url), 'utf8');
const appCss = readFileSync(new URL('../../styles/app.css', import.meta.url), 'utf8');

describe('guardian.css', () => {
  it('holds no raw colour values', () => {
    expect(css.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi)).toBeNull();
  });

  it('uses only custom properties that exist', () => {
    const definedIn = (text: string) => [...text.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]);
    const defined = new Set([...Object.keys(brandCssVariables()), ...definedIn(appCss), ...definedIn(css)]);
    const used = [...css.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });
});
