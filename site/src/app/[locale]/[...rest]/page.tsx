import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';

// any path under a language that is no page: the 404 in that language
export default async function UnknownPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  notFound();
}
