import { contentLimits, emailSchema } from '../../../../shared/contract/content';
import { defineContentKind, textOf, textsOf } from '../content-kind';

/** An email to the list: subject, preview text, body and a call to action whose button is the link. */
export const emailKind = defineContentKind({
  kind: 'email',
  title: 'Email',
  description: `Subject (≤ ${contentLimits.emailSubject}), preview text (≤ ${contentLimits.emailPreview}), body, and a call to action whose url is the link.`,
  utm: { source: 'email', medium: 'email' },
  schema: emailSchema,
  problems: (a, link) => (a.cta.url === link ? [] : [`cta.url: must be the product link ${link}`]),
  fromTemplate: (t, vars) => {
    const cta = (t.cta ?? {}) as Record<string, unknown>;
    return { kind: 'email', subject: textOf(t.subject), preview: textOf(t.preview), body: textsOf(t.body).join('\n\n'), cta: { text: textOf(cta.text), url: vars.link }, link: vars.link };
  },
  markdown: (a) => [`# ${a.subject}`, '', `_Preview: ${a.preview}_`, '', a.body, '', `[${a.cta.text}](${a.cta.url})`].join('\n'),
});
