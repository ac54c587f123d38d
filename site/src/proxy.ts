import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { unknownLocaleRedirect } from './lib/unknown-locale';

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest): NextResponse {
  const target = unknownLocaleRedirect(request.nextUrl.pathname);
  if (target) {
    const url = request.nextUrl.clone();
    url.pathname = target;
    return NextResponse.redirect(url, 307);
  }
  return intl(request);
}

export const config = {
  // files (sitemap.xml, robots.txt, images), the form posts (api/) and Next's own paths need no locale
  matcher: ['/((?!api/|_next|_vercel|assets|.*\\..*).*)'],
};
