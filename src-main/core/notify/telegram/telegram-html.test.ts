import { describe, expect, it } from 'vitest';
import { approvalKeyboard, maxCallbackDataBytes, readCallbackData, signedBy } from './approval-buttons';
import { escapeTelegramHtml, renderTelegramMessage } from './telegram-html';
import { splitTelegramHtml, telegramMaxMessageLength } from './telegram-split';
import type { ButtonRow } from './telegram-store';

const notice = { id: 'n1', title: 'x', body: '', area: 'guardian', at: 0 } as const;

describe('Telegram HTML', () => {
  it('escapes only &, < and > of what the notice says, and marks warnings and critical ones', () => {
    expect(escapeTelegramHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe(`&lt;b&gt;"Tom" &amp; 'Jerry'&lt;/b&gt;`);
    expect(renderTelegramMessage({ ...notice, title: 'Monitor DOWN: <api>', body: 'a & b' })).toBe('<b>Monitor DOWN: &lt;api&gt;</b>\na &amp; b');
    expect(renderTelegramMessage({ ...notice, title: 'down', severity: 'critical' })).toBe('<b>\u{1f534} down</b>');
    expect(renderTelegramMessage({ ...notice, title: 'slow', severity: 'warning' })).toMatch(/^<b>\u26a0\ufe0f slow<\/b>$/);
  });

  it('keeps a message that fits in one part', () => {
    const html = '<b>t</b>\n' + 'x'.repeat(4000);
    expect(splitTelegramHtml(html)).toEqual([html]);
  });

  it('splits at 4,096 characters on line ends, keeping every line whole and in order', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i} `.padEnd(40, '.'));
    const parts = splitTelegramHtml(lines.join('\n'));
    expect(parts.length).toBe(4);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(telegramMaxMessageLength);
    // full parts: only the line that would not fit moved on
    for (const p of parts.slice(0, -1)) expect(p.length).toBeGreaterThan(telegramMaxMessageLength - 41);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('never cuts inside an entity, a tag or a surrogate pair, and closes and reopens a tag open at the cut', () => {
    const entities = '&amp;'.repeat(1000);
    const parts = splitTelegramHtml(entities);
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p).toMatch(/^(&amp;)+$/);
    expect(parts.join('')).toBe(entities);

    const emoji = '\u{1f600}'.repeat(3000);
    const emojiParts = splitTelegramHtml(emoji);
    expect(emojiParts.join('')).toBe(emoji);
    for (const p of emojiParts) expect(p.length % 2).toBe(0);

    const bold = `<b>${'y'.repeat(5000)}</b>`;
    const boldParts = splitTelegramHtml(bold);
    expect(boldParts).toHaveLength(2);
    for (const p of boldParts) {
      expect(p).toMatch(/^<b>y+<\/b>$/);
      expect(p.length).toBeLessThanOrEqual(telegramMaxMessageLength);
    }
    expect(boldParts.join('').replace(/<\/?b>/g, '')).toBe('y'.repeat(5000));
  });

  it('splits a long notice so each part still parses: the title stays bold, the body stays escaped', () => {
    const body = Array.from({ length: 400 }, (_, i) => `<row ${i}> & more`).join('\n');
    const parts = splitTelegramHtml(renderTelegramMessage({ ...notice, title: 'Report', body }));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]).toMatch(/^<b>Report<\/b>\n&lt;row 0&gt; &amp; more/);
    for (const p of parts) expect(p).not.toMatch(/&[a-z]*$|<[^>]*$/);
  });
});

describe('approval buttons', () => {
  const button = (decision: 'approve' | 'reject', token: string): ButtonRow => ({ token, decision, outboxId: 'o', approvalId: 'a', chatId: '1', messageId: null, messageHtml: '', expiresAt: 0, usedAt: null, usedBy: null });

  it('carry a random token and its signature in callback_data, within Telegram\u2019s 64 bytes', () => {
    const approve = button('approve', 'A'.repeat(22));
    const keyboard = approvalKeyboard({ approve, reject: button('reject', 'B'.repeat(22)) }, 'bot-key');
    const [yes, no] = keyboard.inline_keyboard[0]!;
    expect([yes!.text, no!.text]).toEqual(['\u2705 Approve', '\u274c Reject']);
    expect(yes!.callback_data).toMatch(new RegExp(`^lvq1:${'A'.repeat(22)}\\.[A-Za-z0-9_-]{22}$`));
    expect(no!.callback_data).toMatch(new RegExp(`^lvq1:${'B'.repeat(22)}\\.[A-Za-z0-9_-]{22}$`));
    for (const b of keyboard.inline_keyboard[0]!) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(maxCallbackDataBytes);
    expect(JSON.stringify(keyboard)).not.toContain('bot-key');
  });

  it('read back only data shaped like one of this app\u2019s buttons, signed with the key over exactly its row', () => {
    const approve = button('approve', 'A'.repeat(22));
    const data = readCallbackData(approvalKeyboard({ approve, reject: button('reject', 'B'.repeat(22)) }, 'bot-key').inline_keyboard[0]![0]!.callback_data)!;
    expect(data.token).toBe('A'.repeat(22));
    expect(signedBy(approve, data.signature, 'bot-key')).toBe(true);
    expect(signedBy(approve, data.signature, 'another-key')).toBe(false);
    expect(signedBy({ ...approve, approvalId: 'b' }, data.signature, 'bot-key')).toBe(false);
    expect(signedBy({ ...approve, decision: 'reject' }, data.signature, 'bot-key')).toBe(false);
    expect(signedBy({ ...approve, expiresAt: 1 }, data.signature, 'bot-key')).toBe(false);
    expect(signedBy(approve, 'C'.repeat(22), 'bot-key')).toBe(false);
    const sig = 'C'.repeat(22);
    for (const forged of [undefined, 42, '', 'lvq1:', `lvq1:${'A'.repeat(22)}`, `lvq1:${'A'.repeat(21)}.${sig}`, `lvq1:${'A'.repeat(22)}.${sig}.x`, `lvq1:${'A'.repeat(22)}.${sig}!`, `lvq2:${'A'.repeat(22)}.${sig}`, 'approve:abc']) expect(readCallbackData(forged)).toBeUndefined();
  });
});
