import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/contract/notify';
import { renderEmail } from './render-email';

const notice: Notice = { id: 'n1', title: 'Payment failed: <script>alert(1)</script>', body: 'Ada & Co\n"card declined"', area: 'revenue', at: Date.UTC(2026, 5, 1, 9, 30), severity: 'critical' };

describe('renderEmail', () => {
  it('escapes every word of the notice in the HTML and keeps them as they are in the text', () => {
    const mail = renderEmail(notice);
    expect(mail.subject).toBe('[Critical] Payment failed: <script>alert(1)</script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Payment failed: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Ada &amp; Co<br>&quot;card declined&quot;');
    expect(mail.text).toContain('Ada & Co\n"card declined"');
    expect(mail.text).toContain('Open Levqor X → Revenue.');
    expect(mail.text).toContain('2026-06-01 09:30 UTC');
  });

  it('links to the area, or to the approval, when the app has an address a browser opens', () => {
    const area = renderEmail({ ...notice, severity: 'info' }, 'http://127.0.0.1:4800/#/settings');
    expect(area.subject).toBe('Payment failed: <script>alert(1)</script>');
    expect(area.text).toContain('Open Revenue: http://127.0.0.1:4800/#/revenue');
    expect(area.html).toContain('<a href="http://127.0.0.1:4800/#/revenue"');
    const approval = renderEmail({ ...notice, area: 'approvals', approvalId: 'a 1&2' }, 'http://127.0.0.1:4800/');
    expect(approval.text).toContain('Open the approval in Approvals: http://127.0.0.1:4800/#/approvals?id=a%201%262');
    expect(approval.html).toContain('href="http://127.0.0.1:4800/#/approvals?id=a%201%262"');
  });
});
