import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../tests/helpers/setting-refusal';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore } from '..';
import { parseSettingText } from './settings-service';

describe('revenue settings: report currency and rates', () => {
  it('default to USD and no rates, and store a map given as JSON text or as an object', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    expect(core.settings.get('revenue.currency')).toBe('usd');
    expect(core.settings.get('revenue.rates')).toEqual({});
    core.settings.set('revenue.currency', 'EUR');
    core.settings.set('revenue.rates', '{"usd": 0.92, "gbp": 1.17}');
    expect(core.settings.get('revenue.rates')).toEqual({ usd: 0.92, gbp: 1.17 });
    core.settings.set('revenue.rates', { jpy: 0.0061 });
    expect(core.settings.get('revenue.rates')).toEqual({ jpy: 0.0061 });
    // as the command line reads it
    expect(parseSettingText('revenue.rates', '{"eur": 1.08}')).toEqual({ eur: 1.08 });
    core.close();
  });

  it('refuse a bad value with the rule, naming the setting, and store nothing', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const refusal = refusalOf(core.settings);
    const currency = 'Report currency must be a three-letter currency code, such as usd or EUR';
    for (const value of ['dollars', 'us', '', 5]) expect(refusal('revenue.currency', value)).toBe(currency);
    const rates = 'Currency rates must be a JSON map from three-letter currency codes to what one unit of each is worth in the report currency, such as {"eur": 1.08, "gbp": 1.27}';
    for (const value of ['not json', '[1]', { eur: 0 }, { eur: -1 }, { eur: '1.08' }, 7]) expect(refusal('revenue.rates', value)).toBe(rates);
    expect(refusal('revenue.rates', { euro: 1.08 })).toBe(`${rates}; "euro" is not a three-letter currency code`);
    expect(core.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    core.close();
  });
});
