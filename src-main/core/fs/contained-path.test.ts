import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { isInside, realPathOf, requireInside } from './contained-path';

describe('realPathOf', () => {
  it('follows links in the part that exists and keeps the missing rest as named', () => {
    const root = realpathSync(tempDir());
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    expect(realPathOf(join(root, 'alias', 'not', 'yet'))).toBe(join(root, 'real', 'not', 'yet'));
    expect(realPathOf(join(root, 'alias', '..', 'real'))).toBe(join(root, 'real'));
  });

  it('follows a dangling link (creating the path would create its target), also through a relative target', () => {
    const root = realpathSync(tempDir());
    mkdirSync(join(root, 'a'));
    symlinkSync(join('..', 'b', 'later'), join(root, 'a', 'link'));
    expect(realPathOf(join(root, 'a', 'link', 'file'))).toBe(join(root, 'b', 'later', 'file'));
  });

  it('stops on a loop of links instead of spinning', () => {
    const root = realpathSync(tempDir());
    symlinkSync(join(root, 'y'), join(root, 'x'));
    symlinkSync(join(root, 'x'), join(root, 'y'));
    expect(isInside(root, realPathOf(join(root, 'x', 'z')))).toBe(true);
  });
});

describe('requireInside', () => {
  it('allows a link that stays inside and refuses one that leads out, naming the field, the path and where it leads', () => {
    const root = realpathSync(tempDir());
    const outside = realpathSync(tempDir());
    symlinkSync(join(root), join(root, 'self'));
    expect(requireInside(root, join(root, 'self', 'x'), 'f', 'the folder')).toBe(join(root, 'x'));
    symlinkSync(outside, join(root, 'out'));
    expect(() => requireInside(root, join(root, 'out', 'x'), 'contentDir', 'the products folder')).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        field: 'contentDir',
        message: `contentDir: ${join(root, 'out', 'x')} leads through a link to ${join(outside, 'x')}, outside the products folder (${root}); Levqor reads and writes only inside it, so replace the link with the real folder or file`,
      }),
    );
  });

  it('does not take a sibling with the same prefix for inside', () => {
    expect(isInside('/site/products', '/site/products-old/x')).toBe(false);
    expect(isInside('/', '/anything')).toBe(true);
  });
});
