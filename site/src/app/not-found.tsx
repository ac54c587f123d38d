import './globals.css';
import { brandCssVars } from '../lib/brand-vars';
import { defaultLocale } from '../i18n/locales';

// a path outside every locale (the proxy sends the rest to a language): the default language's words
export default function RootNotFound() {
  return (
    <html lang={defaultLocale} style={brandCssVars()}>
      <body className="grid min-h-screen place-items-center bg-page p-8 text-ink">
        <main className="text-center">
          <h1 className="text-3xl font-semibold">Page not found</h1>
          <p className="mt-4 text-muted">The page you asked for does not exist.</p>
          <a href={`/${defaultLocale}`} className="mt-6 inline-block text-flux underline">
            Back to the home page
          </a>
        </main>
      </body>
    </html>
  );
}
