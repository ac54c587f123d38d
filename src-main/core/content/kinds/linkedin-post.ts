import { contentLimits, linkedinPostSchema } from '../../../../shared/contract/content';
import { defineContentKind, linkProblems, textsOf } from '../content-kind';

/** A LinkedIn post: paragraphs within 3,000 characters, with the link. */
export const linkedinPostKind = defineContentKind({
  kind: 'linkedin-post',
  title: 'LinkedIn post',
  description: `One post of at most ${contentLimits.linkedinPost} characters carrying the link.`,
  utm: { source: 'linkedin', medium: 'social' },
  schema: linkedinPostSchema,
  problems: (a, link) => linkProblems('text', a.text, link),
  fromTemplate: (t, vars) => ({ kind: 'linkedin-post', text: textsOf(t.paragraphs).join('\n\n'), link: vars.link }),
  markdown: (a) => `# LinkedIn post\n\n${a.text}`,
});
