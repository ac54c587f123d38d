import { copyFileSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { findOnPath, locateRestic } from './locate';

// The desktop app passes the restic it ships (resources/restic) as the bundled fallback.
describe('locateRestic with a bundled restic', () => {
  const real = findOnPath(process.env);
  if (!real) throw new Error('restic is not on PATH: apt install restic');

  function bundledCopy(): string {
    const dir = join(tempDir(), 'resources', 'restic');
    mkdirSync(dir, { recursive: true });
    copyFileSync(real!, join(dir, 'restic'));
    return join(dir, 'restic');
  }

  it('runs the bundled restic only when the setting is empty and PATH has none', async () => {
    const bundled = bundledCopy();
    const noRestic = { PATH: join(tempDir(), 'empty') };
    await expect(locateRestic('', noRestic, bundled)).resolves.toMatchObject({ path: bundled, from: 'bundled', version: expect.stringMatching(/^\d+\.\d+/) });
    await expect(locateRestic('', process.env, bundled)).resolves.toMatchObject({ path: real, from: 'path' });
    await expect(locateRestic(real!, noRestic, bundled)).resolves.toMatchObject({ path: real, from: 'setting' });
  });

  it('without a bundled restic (or one missing from the resources) says restic is not installed', async () => {
    const noRestic = { PATH: [join(tempDir(), 'a'), join(tempDir(), 'b')].join(delimiter) };
    await expect(locateRestic('', noRestic)).rejects.toThrow(/restic is not installed/);
    await expect(locateRestic('', noRestic, join(tempDir(), 'restic', 'restic'))).rejects.toThrow(/restic is not installed/);
  });
});
