import { videoScriptSchema } from '../../../../shared/contract/content';
import { defineContentKind, linkProblems, textOf } from '../content-kind';

/** A short video: a hook, beats that each start at a second of the video, a call to action with the link. */
export const videoScriptKind = defineContentKind({
  kind: 'video-script',
  title: 'Video script',
  description: 'A hook, 3–12 beats each with the second it starts at (in order), and a call to action carrying the link.',
  utm: { source: 'youtube', medium: 'video' },
  schema: videoScriptSchema,
  problems: (a, link) => [
    ...a.beats.flatMap((b, i) => (i > 0 && b.at <= a.beats[i - 1]!.at ? [`beats.${i}.at: must be later than the beat before it (${a.beats[i - 1]!.at} s)`] : [])),
    ...linkProblems('cta', a.cta, link),
  ],
  fromTemplate: (t, vars) => ({
    kind: 'video-script',
    title: textOf(t.title),
    hook: textOf(t.hook),
    beats: Array.isArray(t.beats) ? t.beats.map((b: { at?: unknown; text?: unknown }) => ({ at: b.at, text: textOf(b.text) })) : [],
    cta: textOf(t.cta),
    link: vars.link,
  }),
  markdown: (a) => [`# ${a.title}`, '', `**Hook:** ${a.hook}`, '', ...a.beats.map((b) => `- **${b.at} s** — ${b.text}`), '', `**Call to action:** ${a.cta}`].join('\n'),
});
