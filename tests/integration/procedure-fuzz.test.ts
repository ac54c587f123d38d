import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureNames, procedures } from '../../shared/contract';
import { maxJsonDepth } from '../../shared/json-depth';
import { productSpecSchema } from '../../shared/product';
import { databaseDigest, serveInProcess, type InProcessServer } from '../helpers/in-process-server';
import { greyPng } from '../helpers/png';
import { rng } from '../helpers/traffic';

/**
 * Every procedure of the contract called over HTTP with seeded junk: wrong types, missing and
 * unknown fields, prototype keys, huge strings, paths, deep nesting. The server must never
 * answer 5xx for it, and a call it rejects must change nothing stored.
 */
const callsPerProcedure = 25;
const rejected = new Set([400, 401, 403, 404, 409, 413, 415]);

const random = rng(20261206);
const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const junkScalars: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -1e308,
  '',
  ' ',
  'x'.repeat(70_000),
  '../../../../etc/passwd',
  '/etc/shadow',
  'secret.key',
  '__proto__',
  'constructor',
  '%E0%A4%A',
  '\u0000\uFFFF\uD800',
  '{{ $eval("1") }}',
  '"; DROP TABLE runs; --',
  '2026-02-30T25:61:00Z',
  'https://attacker.example/',
];

/**
 * Stands in the generated value for a document nested thousands deep, spliced into the body
 * text at send time: JSON.stringify itself would overflow the test's stack on it.
 */
const veryDeep = '\u0001very-deep';
const veryDeepText = (levels: number) => `${'{"k":['.repeat(levels)}1${']}'.repeat(levels)}`;

function junkValue(depth = 0): unknown {
  const roll = random();
  if (roll < 0.04) return veryDeep;
  if (roll < 0.55 || depth > 3) return pick(junkScalars);
  if (roll < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => junkValue(depth + 1));
  if (roll < 0.9) return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['a', 'id', 'name', '__proto__', 'constructor', 'prototype']), junkValue(depth + 1)]));
  return nested(maxJsonDepth + Math.floor(random() * 10));
}

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = random() < 0.5 ? [v] : { k: v };
  return v;
}

/** The top-level field names of a procedure's input, so junk lands on real fields too. */
function inputKeys(name: (typeof procedureNames)[number]): string[] {
  const schema = procedures[name].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

function junkInput(keys: string[]): unknown {
  const roll = random();
  if (roll < 0.1) return pick(junkScalars);
  if (roll < 0.15) return [];
  const input: Record<string, unknown> = {};
  for (const key of keys) if (random() < 0.6) input[key] = junkValue();
  if (random() < 0.3) input[pick(['unknownField', '__proto__', 'constructor'])] = junkValue();
  return input;
}

/**
 * Valid calls to mutate: junk that fails validation at the first field never reaches the
 * code behind it, so the second half of the fuzz keeps a call valid but for one leaf.
 */
const tinyPng = greyPng(2, 2);
const flow = { name: 'Fuzz', trigger: { type: 'manual' }, nodes: [{ id: 'a', type: 'transform', params: { expression: '1' } }], edges: [] };
const validCalls: Array<[string, Record<string, unknown>]> = [
  ['workflows.run', { workflow: flow, input: { order: 1 }, wait: true }],
  ['workflows.validate', { workflow: flow }],
  ['workflows.save', { workflow: flow, draft: true }],
  ['workflows.import', { workflow: flow }],
  ['telemetry.ingest', { body: JSON.stringify({ level: 'info', source: 'fuzz', message: 'm', meta: { a: 1 } }) }],
  ['telemetry.query', { level: ['error'], limit: 10, text: 'm' }],
  ['settings.set', { key: 'logLevel', value: 'info' }],
  ['products.create', { slug: 'fuzz-kit', name: 'Fuzz Kit', price: 12, description: 'A kit', tags: ['t'] }],
  ['products.validate', { spec: { slug: 'fuzz-kit', name: 'Fuzz Kit', price: 12, description: 'A kit', tags: ['t'] } }],
  ['guardian.addMonitor', { type: 'http', name: 'site', url: 'http://127.0.0.1:9/', intervalSeconds: 3600 }],
  ['schedule.preview', { cron: '0 9 * * *', timezone: 'Europe/London', count: 3 }],
  ['secrets.set', { name: 'openai.apiKey', value: 'sk-fuzz' }],
  ['notify.pause', { minutes: 60 }],
  ['revenue.leads', { query: 'ada', stage: 'new', limit: 5 }],
  ['revenue.moveLead', { id: '00000000-0000-4000-8000-000000000001', stage: 'contacted', note: 'why' }],
  ['revenue.updateDfy', { id: '00000000-0000-4000-8000-000000000002', notes: 'n', value: { amountMinor: 100, currency: 'usd' }, stripeCustomerId: 'cus_1', stripePaymentId: 'pi_1' }],
  ['revenue.sync', { full: true }],
  ['revenue.metrics', { month: '2026-01', currency: 'usd' }],
  ['revenue.movements', { from: '2025-12', to: '2026-01' }],
  ['revenue.customers', { query: 'ada', limit: 5 }],
  ['revenue.proposePackage', { name: 'Fuzz pack', tier: 'starter', priceMinor: 49_900, currency: 'usd', description: 'A pack' }],
  ['products.putContentFile', { slug: 'fuzz-kit', name: 'chapters/notes.md', size: 5, offset: 0, data: Buffer.from('hello').toString('base64') }],
  ['products.putOmegaImage', { slug: 'fuzz-kit', slot: 'Product-Cover/cover-01.png', size: tinyPng.length, offset: 0, data: tinyPng.toString('base64') }],
  ['notify.setRule', { id: 'monitor.down', enabled: true, channels: ['os'], severity: 'critical', filter: { monitor: 'shop', message: { contains: 'timeout' } } }],
];

function mutateLeaf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return junkValue();
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0 || random() < 0.15) return junkValue();
  const key = pick(keys);
  copy[key] = random() < 0.5 ? mutateLeaf(copy[key]) : junkValue();
  return copy;
}

let s: InProcessServer;
beforeAll(async () => {
  s = await serveInProcess();
  // the product the file drops write into, so a call that keeps its slug reaches the writer
  s.core.products.create(productSpecSchema.parse({ slug: 'fuzz-kit', name: 'Fuzz Kit', price: 12, description: 'A kit', tags: ['t'] }));
});
afterAll(async () => {
  await s.close();
});

/**
 * The digest of the database as the last refused call left it: the next probe starts from it
 * without hashing every table again, since no timer or I/O callback can run between one probe's
 * end and the next one's start. A call that was not refused may have written, so it clears it.
 */
let unchangedDigest: string | undefined;

/** One call over HTTP; a 5xx, or a refusal that changed the database, is a failure. */
async function probe(name: string, input: unknown, failures: string[]): Promise<boolean> {
  const before = unchangedDigest ?? databaseDigest(s.core);
  unchangedDigest = undefined;
  const res = await fetch(`${s.origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input).replaceAll(JSON.stringify(veryDeep), () => veryDeepText(2_500 + Math.floor(random() * 5_000))),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  const shown = `${name} ${JSON.stringify(input).slice(0, 160)} → ${res.status} ${text.slice(0, 200)}`;
  if (res.status >= 500 && res.status !== 503) failures.push(shown);
  if (!rejected.has(res.status)) return false;
  const after = databaseDigest(s.core);
  if (after !== before) failures.push(`changed the database: ${shown}`);
  unchangedDigest = after;
  const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
  if (!body.error?.message) failures.push(`no error message: ${shown}`);
  return true;
}

describe('every procedure under seeded junk input', () => {
  it(`answers each of ${callsPerProcedure} junk calls per procedure without a 5xx, and a rejected call changes nothing`, { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    let rejectedCalls = 0;
    for (const name of procedureNames) {
      const keys = inputKeys(name);
      for (let i = 0; i < callsPerProcedure; i++) if (await probe(name, junkInput(keys), failures)) rejectedCalls++;
    }
    expect(failures).toEqual([]);
    // the junk must mostly be refused, or it tested nothing
    expect(rejectedCalls).toBeGreaterThan(procedureNames.length * callsPerProcedure * 0.6);
  });

  it('keeps valid calls with one leaf turned to junk from answering 5xx or changing anything when refused', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    for (const [name, input] of validCalls) {
      for (let i = 0; i < callsPerProcedure; i++) await probe(name, mutateLeaf(input), failures);
    }
    expect(failures).toEqual([]);
  });
});
