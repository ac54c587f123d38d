import type { Locator } from '@playwright/test';

/**
 * The relative luminance (0 black … 1 white) of an element's text colour (`fill` for SVG text)
 * and of what is behind it, from computed styles: the backgrounds of it and its ancestors,
 * blended from the root down.
 */
async function luminances(element: Locator): Promise<{ text: number; background: number }> {
  return element.evaluate((el) => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    // the canvas turns any CSS colour (rgb(), color(srgb …), color-mix results) into numbers
    const parse = (css: string): Rgba => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: Rgba, below: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as Rgba;
    const chain: Element[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
    let bg: Rgba = [255, 255, 255, 1];
    for (const e of chain) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'transparent' && c !== 'rgba(0, 0, 0, 0)') bg = over(parse(c), bg);
    }
    const style = getComputedStyle(el);
    const fg = over(parse(el instanceof SVGElement ? style.fill : style.color), bg);
    const lum = ([r, g, b]: Rgba) => {
      const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return { text: lum(fg), background: lum(bg) };
  });
}

/** The WCAG 2 contrast ratio of an element's text against what is behind it. */
export async function contrastOf(element: Locator): Promise<number> {
  const { text, background } = await luminances(element);
  return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
}

/** The luminance of what is behind an element's content (its own background over its ancestors'). */
export async function backgroundLuminance(element: Locator): Promise<number> {
  return (await luminances(element)).background;
}
