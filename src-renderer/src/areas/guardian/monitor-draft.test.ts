import { describe, expect, it } from 'vitest';
import { describeMonitorTypes } from '../../../../src-main/core/guardian/monitors/registry';
import { guardianCommands } from '../../../../src-main/cli/commands/guardian';
import { addCommand, draftChanges, draftInput, monitorText, settingFields } from './monitor-draft';

// what guardian.monitorTypes returns, read from core: the form is tested against the real types
const types = describeMonitorTypes();
const info = (type: string) => types.find((t) => t.type === type)!;

describe('the new-monitor form', () => {
  it('shows each type its own fields, from its settings schema', () => {
    expect(settingFields(info('http')).map((f) => [f.key, f.widget, f.required])).toEqual([
      ['url', 'text', true],
      ['keyword', 'text', false],
      ['expectedStatus', 'number', false],
    ]);
    expect(settingFields(info('internal'))[0]).toMatchObject({ key: 'check', widget: 'select', required: true, options: ['scheduler', 'backup', 'sync', 'disk'] });
    expect(settingFields(info('postgres'))).toEqual([]);
  });

  it('turns the text into the procedure\u2019s input, naming what is missing or not a number', () => {
    expect(draftInput(info('http'), {}).problems).toEqual({ url: 'is required' });
    expect(draftInput(info('http'), { url: 'https://example.com', intervalSeconds: 'soon' }).problems).toEqual({ intervalSeconds: 'must be a number' });
    expect(draftInput(info('push'), { graceSeconds: '30', intervalSeconds: '300', url: 'ignored: not a push setting' })).toEqual({ input: { type: 'push', intervalSeconds: 300, graceSeconds: 30 }, problems: {} });
  });

  it('reads a stored monitor back into the form, and sends only what an edit changed', () => {
    const monitor = { id: 'm1', type: 'http', name: 'shop', url: 'https://shop.example/', keyword: 'ok', expectedStatus: null, intervalSeconds: 60, retries: 0, timeoutSeconds: 48, graceSeconds: 60 } as never;
    const before = monitorText(info('http'), monitor);
    expect(before).toEqual({ url: 'https://shop.example/', keyword: 'ok', name: 'shop', intervalSeconds: '60', retries: '0', timeoutSeconds: '48' });
    expect(draftChanges(info('http'), before, before)).toEqual({ changes: {}, problems: {} });
    expect(draftChanges(info('http'), before, { ...before, keyword: '', retries: '2' })).toEqual({ changes: { keyword: null, retries: 2 }, problems: {} });
    expect(draftChanges(info('http'), before, { ...before, url: '', intervalSeconds: '' }).problems).toEqual({ url: 'is required', intervalSeconds: 'must not be empty' });
    expect(draftChanges(info('http'), before, { ...before, timeoutSeconds: 'soon' }).problems).toEqual({ timeoutSeconds: 'must be a number' });
  });

  it('writes the levqor monitor add command with flags the CLI has', () => {
    const { input } = draftInput(info('http'), { url: 'https://example.com/health', keyword: "it's up", intervalSeconds: '30', expectedStatus: '204' });
    const command = addCommand(input);
    expect(command).toBe("levqor monitor add --type http --url https://example.com/health --keyword 'it'\\''s up' --expected-status 204 --interval 30");
    const options = guardianCommands.find((c) => c.path.join(' ') === 'monitor add')!.options!;
    for (const flag of command.match(/--[\w-]+/g)!) expect(options).toHaveProperty(flag.slice(2));
  });
});
