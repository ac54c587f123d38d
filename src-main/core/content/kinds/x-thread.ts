import { contentLimits, xThreadSchema } from '../../../../shared/contract/content';
import { defineContentKind, textsOf } from '../content-kind';

const numbered = (i: number, n: number) => `${i + 1}/${n} `;

/** Splits a post that would not fit beside its number into pieces at whole words. */
function pieces(text: string, room: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= room || !current) current = next.slice(0, room);
    else {
      out.push(current);
      current = word.slice(0, room);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Numbers posts "1/N ", splitting any that would not fit in a post with its number. */
export function numberPosts(texts: readonly string[]): string[] {
  const room = contentLimits.xPost - numbered(99, 99).length;
  const split = texts.flatMap((t) => pieces(t, room));
  return split.map((t, i) => `${numbered(i, split.length)}${t}`);
}

/** An X (Twitter) thread: numbered posts within 280 characters each, one of them with the link. */
export const xThreadKind = defineContentKind({
  kind: 'x-thread',
  title: 'X thread',
  description: `2–12 posts of at most ${contentLimits.xPost} characters, each starting with its number ("1/5 "); one carries the link.`,
  utm: { source: 'x', medium: 'social' },
  schema: xThreadSchema,
  problems: (a, link) => [
    ...a.posts.flatMap((p, i) => (p.startsWith(numbered(i, a.posts.length)) ? [] : [`posts.${i}: must start with its number "${numbered(i, a.posts.length).trim()}"`])),
    ...(a.posts.some((p) => p.includes(link)) ? [] : [`posts: one post must contain the product link ${link}`]),
  ],
  fromTemplate: (t, vars) => ({ kind: 'x-thread', posts: numberPosts(textsOf(t.posts)), link: vars.link }),
  markdown: (a) => ['# X thread', '', ...a.posts.flatMap((p) => [p, '']), ''].join('\n').trimEnd(),
});
