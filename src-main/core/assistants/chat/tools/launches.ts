import { z } from 'zod';
import { defineChatTool } from '../chat-tool';

export const launchesTool = defineChatTool({
  name: 'launches',
  description: 'The products in Launches: name, status (draft, live…), price, whether the spec is valid and how many problems it has.',
  input: z.object({}).strict(),
  execute: (_input, { sources }) => {
    const products = sources.products();
    return { count: products.length, products: products.map((p) => ({ slug: p.slug, name: p.name ?? p.slug, status: p.status ?? 'draft', price: p.price ?? null, currency: p.currency ?? 'USD', valid: p.valid, problems: p.errors.length })) };
  },
});
