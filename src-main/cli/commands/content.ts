import { contentEngines } from '../../../shared/contract/content';
import type { Command, OptionSpec } from '../command';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';
import { assetText, seoText, setLine } from './content-text';

/** Options that each take one text, from their descriptions. */
function textOptions(descriptions: Record<string, string>): Record<string, OptionSpec> {
  return Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, { type: 'string', description }]));
}

export const contentCommands: Command[] = [
  procedureCommand('content.generate', {
    usage: 'content generate --seed TEXT --product SLUG [--audience A] [--tone T] [--language L] [--engine templates|ai]',
    summary: 'The six content assets (video script, X thread, LinkedIn post, email, Instagram carousel, mini-article) from one idea seed, each linking to the product with UTM tags; saved in the product’s history.',
    options: {
      ...textOptions({
        seed: 'the idea: one sentence, at most 500 characters',
        product: 'the slug of the product the assets drive traffic to',
        audience: 'who it is for (e.g. solo founders)',
        tone: 'how it should sound (e.g. plain, friendly)',
        language: 'the language the ai engine writes in',
      }),
      engine: choiceOption('engine', contentEngines),
    },
    input: (_, v) =>
      givenOnly({
        seed: textOption(v.seed),
        product: textOption(v.product),
        audience: textOption(v.audience),
        tone: textOption(v.tone),
        language: textOption(v.language),
        engine: parseChoiceOption(v.engine, 'engine', contentEngines),
      }) as { seed: string; product: string },
    json: (set) => ({ assets: set.assets }),
    show: (set) => [...set.assets.map(assetText), '', `Saved as ${set.id} (levqor content export --product ${set.seed.product} --id ${set.id})`].join('\n\n'),
  }),
  procedureCommand('content.list', {
    usage: 'content list [--product SLUG] [--limit N]',
    summary: 'The generated content sets, newest first: id, when, product, engine and seed.',
    options: { ...textOptions({ product: 'only this product’s sets' }), limit: countOption(50) },
    input: (_, v) => givenOnly({ product: textOption(v.product), limit: parseCountOption(v.limit, 'limit') }),
    show: ({ sets }) => (sets.length === 0 ? 'No content generated yet (levqor content generate --seed TEXT --product SLUG).' : sets.map(setLine).join('\n')),
  }),
  procedureCommand('content.export', {
    usage: 'content export --product SLUG [--id SET_ID]',
    summary: 'Writes a generated set as Markdown files, one per asset, into the product’s content folder (marketing/<set id>/); the newest set when no id is given.',
    options: textOptions({ product: 'the product whose set to export', id: 'the set (levqor content list); default the newest' }),
    input: (_, v) => givenOnly({ product: textOption(v.product), id: textOption(v.id) }) as { product: string },
    show: ({ id, dir, files }) => [`Exported ${id} to ${dir}:`, ...files.map((f) => `  ${f}`)].join('\n'),
  }),
  procedureCommand('content.seo', {
    usage: 'content seo SLUG',
    summary: 'A product’s SEO — title, meta description, keywords from its tags, Open Graph fields — and what is missing or too long.',
    positionals: { slug: 'SLUG' },
    show: seoText,
  }),
];
