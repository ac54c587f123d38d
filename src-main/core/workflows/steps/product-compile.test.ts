import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { productSpecSchema } from '../../../../shared/product';
import { productSite, sampleSpec, writeContent } from '../../../../tests/helpers/products';
import { wf } from '../../../../tests/helpers/workflows/documents';

let core: Core | undefined;
afterEach(() => core?.close());

const compile = (slug: string) => wf([{ id: 'build', type: 'product.compile', params: { slug } }]);

describe('product.compile', () => {
  it('compiles the product through the products service (no upload) and outputs what it made', async () => {
    const site = productSite();
    core = site.core;
    core.products.create(productSpecSchema.parse(sampleSpec));
    writeContent(site.productsDir, sampleSpec.slug, { 'guide.md': '# Guide' });
    const result = await core.workflows.run({ workflow: compile(sampleSpec.slug), wait: true });
    expect(result.status).toBe('succeeded');
    const output = core.runs.get(result.runId).steps[0]?.output as Record<string, unknown>;
    expect(output).toMatchObject({ slug: sampleSpec.slug, uploaded: false, zipPath: expect.stringMatching(/\.zip$/), omegaDir: expect.any(String) });
    expect(output).not.toHaveProperty('siteConfig');
    expect(core.products.listUploads(sampleSpec.slug)).toEqual([]);
  });

  it('an unknown product fails at once naming it; a bad slug is refused at validation', async () => {
    const site = productSite();
    core = site.core;
    const result = await core.workflows.run({ workflow: compile('no-such-product'), wait: true });
    expect(result.status).toBe('failed');
    expect(JSON.stringify(core.runs.get(result.runId).steps[0]?.error)).toContain('no-such-product');
    expect(core.workflows.validate(compile('Not A Slug')).errors).toEqual([{ path: 'nodes[0].params.slug', message: expect.stringContaining('must be a product slug') }]);
  });
});
