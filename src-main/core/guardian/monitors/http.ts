import { z } from 'zod';
import { defineMonitor, errorMessage } from './define-monitor';
import { discard, httpGet, readUpTo } from './http-get';

/** Bytes of body searched for the keyword (Uptime Kuma reads the whole body; we cap it). */
const maxKeywordBodyBytes = 2 * 1024 * 1024;
const required = 'is required for an http monitor';

const url = z
  .string({ error: (issue) => (issue.input === undefined ? required : 'must be text') })
  .max(2048, 'is longer than 2048 characters')
  .transform((raw, ctx) => {
    const text = raw.trim();
    const refuse = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (text === '') return refuse(required);
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return refuse(`is not a valid URL ("${raw.slice(0, 100)}")`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse('must start with http:// or https://');
    if (parsed.username || parsed.password) return refuse('must not carry a user or password');
    return parsed.toString();
  });

const settings = z
  .object({
    url,
    keyword: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(500, 'is longer than 500 characters').optional(),
    expectedStatus: z.number({ error: 'must be a number' }).int('must be a whole number').min(100, 'must be an HTTP status (100-599)').max(599, 'must be an HTTP status (100-599)').optional(),
  })
  .strict();

/**
 * HTTP(S), as Uptime Kuma's "HTTP(s) - Keyword": UP when the status is the expected one
 * (default any 2xx) and, if a keyword is set, the body contains it (case-sensitive).
 * The timeout covers the whole exchange, body included.
 */
export const httpMonitor = defineMonitor({
  type: 'http',
  label: 'HTTP(S)',
  description: 'Calls a URL: UP on the expected status (any 2xx by default) and, if set, when the body contains the keyword.',
  settings,
  ui: {
    url: { label: 'URL', widget: 'text', placeholder: 'https://example.com/health', help: 'the URL to check' },
    keyword: { label: 'Keyword', widget: 'text', help: 'text the body must contain' },
    expectedStatus: { label: 'Expected status', widget: 'number', placeholder: '2xx', help: 'the status to expect (default any 2xx)' },
  },
  defaultName: (s) => {
    const u = new URL(s.url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`.slice(0, 100);
  },
  healing: (_s, m) => {
    if (!/timed out/.test(m.lastMessage ?? '')) return [];
    const next = Math.min(300, Math.max(m.timeoutSeconds * 2, m.timeoutSeconds + 5));
    return [
      {
        action: 'raise_monitor_timeout',
        title: `Raise the timeout of "${m.name}" from ${m.timeoutSeconds} s to ${next} s`,
        class: 'A',
        expectedEffect: 'If the target is only slow, the monitor turns UP and stops costing points; if it still times out, the target is really down.',
        proposal: { procedure: 'guardian.updateMonitor', input: { id: m.id, timeoutSeconds: next } },
      },
    ];
  },
  async check(s, ctx) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const res = await httpGet(s.url, { signal: ctx.signal, headers: { 'user-agent': 'LevqorX-Guardian/1', accept: '*/*' }, trusted: ctx.services.trustedCertificates });
      const certificate = res.certificate;
      const statusOk = s.expectedStatus === undefined ? res.status >= 200 && res.status < 300 : res.status === s.expectedStatus;
      if (!statusOk) {
        discard(res.body);
        const expected = s.expectedStatus === undefined ? '2xx' : String(s.expectedStatus);
        return { status: 'down', message: `HTTP ${res.status} (expected ${expected})`, ms: elapsed(), certificate };
      }
      if (s.keyword !== undefined) {
        const body = await readUpTo(res.body, maxKeywordBodyBytes);
        if (!body.includes(s.keyword)) return { status: 'down', message: `HTTP ${res.status} but keyword "${s.keyword}" not found`, ms: elapsed(), certificate };
        return { status: 'up', message: `HTTP ${res.status}, keyword found`, ms: elapsed(), certificate };
      }
      discard(res.body);
      return { status: 'up', message: `HTTP ${res.status}`, ms: elapsed(), certificate };
    } catch (err) {
      if (ctx.signal.aborted) return { status: 'down', message: `timed out after ${ctx.timeoutSeconds} s`, ms: elapsed() };
      return { status: 'down', message: errorMessage(err), ms: elapsed() };
    }
  },
});
