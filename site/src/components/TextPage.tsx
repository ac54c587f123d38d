import { getTranslations } from 'next-intl/server';

/** A page of one title and paragraphs from the messages (privacy, terms): paragraphs split at blank lines. */
export async function TextPage({ namespace }: { namespace: 'privacy' | 'terms' }) {
  const t = await getTranslations(namespace);
  return (
    <article className="max-w-3xl pt-12">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {t('body')
        .split('\n\n')
        .map((para) => (
          <p key={para} className="mt-5 leading-relaxed text-muted">{para}</p>
        ))}
    </article>
  );
}
