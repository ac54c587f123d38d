import { describe, expect, it } from 'vitest';
import { areas } from '../../../shared/areas';
import { areaFromHash, hrefFor } from './use-hash-route';

describe('hash routing', () => {
  it('maps #/<id> to every area and back', () => {
    for (const area of areas) expect(areaFromHash(hrefFor(area.id))).toBe(area.id);
  });

  it('leads home for an empty, bare or unknown hash', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/settingsx']) expect(areaFromHash(hash)).toBe('guardian');
  });

  it('ignores anything after the area', () => {
    expect(areaFromHash('#/settings/secrets')).toBe('settings');
    expect(areaFromHash('#/settings?x=1')).toBe('settings');
    expect(areaFromHash('#settings')).toBe('settings');
  });
});
