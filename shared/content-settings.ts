import { z } from 'zod';

const siteUrlRule = 'must be your site’s https:// address (such as https://example.com), or empty';

/** The content engine's one setting: where the product pages every asset links to live. */
export const contentSettingDefinitions = {
  'content.siteUrl': {
    schema: z
      .string({ error: () => siteUrlRule })
      .trim()
      .refine((v) => v === '' || (URL.canParse(v) && new URL(v).protocol === 'https:'), siteUrlRule),
    defaultValue: '',
    label: 'Site address',
    description: 'The companion site whose product pages (<address>/products/<slug>) every generated content asset links to, with UTM tags. Empty: the product’s Gumroad page.',
    env: 'LEVQOR_CONTENT_SITE_URL',
  },
};
