import { describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';

const flow = (name: string, nodes: unknown[]) => ({ name, trigger: { type: 'manual' }, nodes, edges: [] });
const post = { id: 'refund', name: 'Refund the order', type: 'http.request', params: { method: 'POST', url: 'https://shop.example/refund' } };
const get = { id: 'fetch', type: 'http.request', params: { method: 'GET', url: 'https://shop.example/order' } };
const note = { id: 'note', type: 'log', params: { message: 'hi' }, class: 'B' };

describe('stage.preview', () => {
  it('lists the pending uploads going post-launch releases and the Class B steps that then run for real, changing nothing', async () => {
    const { core, productsDir } = productSite({ env: { LEVQOR_SECRET_KEY: 'f'.repeat(64) } });
    core.products.create(productSpecSchema.parse(sampleSpec));
    writeContent(productsDir, sampleSpec.slug, { 'guide.md': '# Guide\n' });
    const compiled = await core.products.compile(sampleSpec.slug, { upload: true });
    expect(compiled.upload?.status).toBe('needs-approval');

    const shop = core.workflows.import(flow('Shop', [get, post]));
    const raised = core.workflows.import(flow('Raised', [note]));
    const off = core.workflows.import(flow('Switched off', [{ ...post, id: 'off' }]));
    core.workflows.setEnabled(off.id, false);
    core.workflows.save(undefined, { name: 'A draft', trigger: { type: 'manual' }, nodes: [{ ...post, id: 'draft', params: { method: 'POST' } }], edges: [] }, true, true);

    const preview = core.stage.preview('post-launch');
    expect(preview).toEqual({
      stage: 'post-launch',
      current: 'pre-launch',
      changes: true,
      releasedUploads: [{ id: compiled.upload!.id, slug: sampleSpec.slug, version: '1.0.0', fileName: `${sampleSpec.slug}-1.0.0.zip`, bytes: compiled.bytes }],
      classBSteps: [
        { workflowId: raised.id, workflowName: 'Raised', nodeId: 'note', name: 'note', stepType: 'log' },
        { workflowId: shop.id, workflowName: 'Shop', nodeId: 'refund', name: 'Refund the order', stepType: 'http.request' },
      ],
    });
    expect(core.stage.current).toBe('pre-launch');
    expect(core.products.listUploads()[0]?.status).toBe('needs-approval');

    // already there, or going back: nothing is released
    expect(core.stage.preview('pre-launch')).toMatchObject({ changes: false, releasedUploads: [], classBSteps: [] });
    core.stage.set('post-launch');
    expect(core.stage.preview('pre-launch')).toMatchObject({ changes: true, releasedUploads: [], classBSteps: [expect.objectContaining({ nodeId: 'note' }), expect.objectContaining({ nodeId: 'refund' })] });
    core.close();
  });

  it('says nothing changes while LEVQOR_LAUNCH_STAGE decides the stage', () => {
    const { core } = productSite({ env: { LEVQOR_LAUNCH_STAGE: 'pre-launch' } });
    core.workflows.import(flow('Shop', [post]));
    expect(core.stage.preview('post-launch')).toEqual({ stage: 'post-launch', current: 'pre-launch', changes: false, envOverride: 'pre-launch', releasedUploads: [], classBSteps: [] });
    core.close();
  });
});
