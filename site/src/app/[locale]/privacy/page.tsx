import { DataRequestForm } from '../../../components/forms/DataRequestForm';
import { setRequestLocale } from 'next-intl/server';
import { TextPage } from '../../../components/TextPage';
import { textPageMetadata } from '../../../lib/text-page';

type Params = Promise<{ locale: string }>;

export const generateMetadata = ({ params }: { params: Params }) => textPageMetadata(params, 'privacy');

export default async function PrivacyPage({ params }: { params: Params }) {
  setRequestLocale((await params).locale);
  return (
    <>
      <TextPage namespace="privacy" />
      <DataRequestForm />
    </>
  );
}
