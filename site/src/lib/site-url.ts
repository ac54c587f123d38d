/** The site's public address (LEVQOR_SITE_URL, e.g. https://levqor.example), for sitemap, canonical and Open Graph links. */
export function siteUrl(): string {
  const fromEnv = process.env.LEVQOR_SITE_URL?.replace(/\/+$/, '');
  return fromEnv || `http://localhost:${process.env.PORT || 3000}`;
}

/** The absolute address of a path on the site. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}
