import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { siteUrl } from '../lib/site-url';

// the site-wide Open Graph image sits at this level and needs the absolute address
export const metadata: Metadata = { metadataBase: new URL(siteUrl()) };

// the <html> element is the locale layout's, which knows the language and direction
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
