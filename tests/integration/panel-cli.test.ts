import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levqorInProcess } from '../helpers/cli-in-process';
import { tempDir } from '../helpers/temp-dir';
import { chain } from '../helpers/workflows/documents';

const env = { LEVQOR_SECRET_KEY: 'f'.repeat(64), LEVQOR_DATABASE_URL: '' };

const gated = chain(
  [
    { id: 'calc', type: 'transform', params: { expression: "{ 'total': 2 + 3 }" } },
    { id: 'gate', type: 'approval', params: { message: 'Ship it?' } },
  ],
  { name: 'Panel gate' },
);

/** The names the issue asks for by name. */
const named = ['status', 'metrics:today', 'metrics:week', 'products', 'product:new', 'product:compile', 'product:checklist', 'product:assets', 'launch:plan', 'content:seed', 'content:list', 'content:export', 'templates', 'template:use', 'leads', 'dfy', 'revenue', 'approvals', 'health', 'briefing'];
/** Run with a real lead and DFY request in panel-pipeline-cli.test.ts. */
const withPipeline = ['lead:show', 'lead:move', 'dfy:show', 'dfy:move'];

describe('levqor panel', () => {
  it('runs every panel command over the contract, --json parses for each, and help lists them all', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const productsDir = join(tempDir('levqor-site-'), 'products');
    const ran = new Set<string>(['help', ...withPipeline]);
    const levqor = (...argv: string[]) => levqorInProcess(dataDir, env, ['--products-dir', productsDir, ...argv]);
    const panel = async (name: string, ...args: string[]) => {
      ran.add(name);
      const r = await levqor('panel', name, ...args, '--json');
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout);
    };

    const help = await levqor('panel', 'help', '--json');
    const commands = (JSON.parse(help.stdout) as { commands: Array<{ name: string; summary: string }> }).commands;
    expect(commands.length).toBeGreaterThanOrEqual(34);
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(named));
    const text = await levqor('panel', 'help');
    expect(text.stdout.trim().split('\n').filter((l) => /^ {2}\S/.test(l))).toHaveLength(commands.length);
    expect((await levqor('panel')).stdout).toBe(text.stdout);
    expect(await levqor('panel', 'run:show')).toMatchObject({ code: 2, stderr: 'levqor: missing ID (usage: levqor panel run:show ID)\n' });
    expect(await levqor('panel', 'nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown panel command "nope" (levqor panel help lists them)') });

    expect(await panel('status')).toMatchObject({ dataDir, stage: 'pre-launch' });
    expect(await panel('stage')).toMatchObject({ stage: 'pre-launch' });
    expect(await panel('products')).toMatchObject({ products: [] });
    expect(await panel('product:new', '--slug', 'flux-kit', '--name', 'Flux Kit', '--price', '47', '--description', 'The kit', '--tags', 'growth,content')).toMatchObject({ spec: { slug: 'flux-kit' } });
    writeFileSync(join(productsDir, 'flux-kit', 'guide.md'), '# Guide\n');
    expect(await panel('product:validate', 'flux-kit')).toEqual({ valid: true, errors: [] });
    expect(await panel('product:compile', 'flux-kit', '--no-upload')).toMatchObject({ slug: 'flux-kit' });
    expect((await panel('product:checklist', 'flux-kit')).steps.map((s: { id: string }) => s.id)).toEqual(['pngs', 'gumroad', 'drive']);
    const assets = await panel('product:assets', 'flux-kit');
    const social = assets.slots.filter((s: { folder: string }) => s.folder === 'Social-Posts');
    expect(social.map((s: { style: string }) => s.style)).toEqual([...Array(5).fill('quote'), ...Array(5).fill('tip'), ...Array(5).fill('promo')]);
    expect(social[5]).toMatchObject({ file: 'social-tip-01.png', present: false });
    expect((await levqor('panel', 'product:assets', 'flux-kit')).stdout).toMatch(/^Social-Posts\/social-promo-05\.png\s+promo style {2}empty$/m);
    expect(await panel('product:uploads')).toEqual({ uploads: [] });
    const pack = await panel('product:omega-pack');
    expect(pack.entries.every((e: { state: string }) => e.state !== 'kept')).toBe(true);
    expect(JSON.parse(readFileSync(join(pack.root, 'brand-tokens.json'), 'utf8')).colors['neon-flux-blue'].hex).toBe('#3A8CFF');
    expect(dirname(pack.root)).toBe(join(dirname(productsDir), 'public', 'assets'));
    const plan = await panel('launch:plan', 'flux-kit');
    expect(plan).toMatchObject({ slug: 'flux-kit', stage: 'pre-launch', next: { id: 'pngs' } });
    expect(plan.steps.map((s: { id: string }) => s.id)).toEqual(['spec', 'pngs', 'gumroad', 'drive', 'stage']);

    const file = join(dataDir, 'gated.json');
    writeFileSync(file, JSON.stringify(gated));
    const first = JSON.parse((await levqor('workflow', 'run', file, '--wait', '--json')).stdout);
    const second = JSON.parse((await levqor('workflow', 'run', file, '--wait', '--json')).stdout);
    const today = await panel('metrics:today');
    expect(today).toMatchObject({ window: 'today', runs: { total: 2, inProgress: 2 }, approvalsWaiting: 2, newLeads: 0, newDfyRequests: 0, anomalies: 0, revenue: { mrr: expect.anything() } });
    expect(await panel('workflows')).toMatchObject({ workflows: expect.any(Array) });
    expect((await panel('runs')).runs).toHaveLength(2);
    expect(await panel('run:show', first.runId)).toMatchObject({ id: first.runId, status: 'waiting' });
    const { approvals } = await panel('approvals');
    expect(approvals).toHaveLength(2);
    const idOf = (runId: string) => approvals.find((a: { runId: string }) => a.runId === runId).id;
    await panel('approve', idOf(first.runId));
    await panel('reject', idOf(second.runId), '--reason', 'not today');
    expect(await panel('metrics:week')).toMatchObject({ window: 'week', runs: { total: 2, succeeded: 1, inProgress: 0 }, approvalsWaiting: 0 });
    expect((await levqor('panel', 'metrics:week')).stdout).toMatch(/^The last 7 days \(.*\)\nRuns\s+2 \(1 succeeded, 0 failed, 0 in progress\)/);

    expect(await panel('leads')).toEqual({ leads: [] });
    expect(await panel('dfy')).toEqual({ requests: [] });
    expect(await panel('pipeline')).toBeTypeOf('object');
    expect(await panel('revenue')).toMatchObject({ kpis: expect.any(Object) });
    expect(await panel('revenue:movements')).toMatchObject({ months: expect.any(Array) });
    expect(await panel('customers')).toMatchObject({ customers: [] });
    expect(await panel('packages')).toBeTypeOf('object');
    expect(await panel('health')).toBeTypeOf('object');
    expect(await panel('health:score')).toBeTypeOf('object');
    expect(await panel('telemetry:report')).toMatchObject({ total: expect.any(Object) });
    expect(await panel('insights')).toBeTypeOf('object');
    expect(await panel('briefing')).toMatchObject({ sections: expect.any(Array) });
    expect(await panel('ai:status')).toBeTypeOf('object');

    const templates = (await panel('templates')) as { templates: Array<{ id: string; inputs: Array<{ name: string; sample: unknown }> }> };
    expect(templates.templates.length).toBeGreaterThanOrEqual(25);
    const chosen = templates.templates.find((t) => t.inputs.length === 0) ?? templates.templates[0]!;
    const inputArgs = chosen.inputs.flatMap((i) => ['--input', `${i.name}=${String(i.sample)}`]);
    const used = await panel('template:use', chosen.id, ...inputArgs);
    expect(used).toMatchObject({ templateId: chosen.id, workflow: { nodes: expect.any(Array) } });
    const listed = JSON.stringify(await panel('workflows'));
    expect(listed).toContain(used.id);

    await panel('product:new', '--slug', 'seed-kit', '--name', 'Seed Kit', '--price', '47', '--description', 'A kit', '--tags', 'growth');
    await levqor('settings', 'set', 'content.siteUrl', 'https://shop.example.com');
    const set = await panel('content:seed', '--seed', 'Automate your launch week in one afternoon', '--product', 'seed-kit');
    expect(set.assets.map((a: { kind: string }) => a.kind)).toEqual(['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article']);
    const sets = await panel('content:list', '--product', 'seed-kit');
    expect(sets.sets).toHaveLength(1);
    const exported = await panel('content:export', '--product', 'seed-kit');
    expect(exported.files).toHaveLength(6);
    expect(await panel('content:seo', 'seed-kit')).toMatchObject({ slug: 'seed-kit' });
    expect(commands.map((c) => c.name).filter((n) => !ran.has(n))).toEqual([]);
  });
});
