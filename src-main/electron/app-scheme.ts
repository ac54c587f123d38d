import type { CustomScheme } from 'electron';

/**
 * The app's own origin. The built renderer is served from `app://levqor/` instead of file://,
 * so the page has a real origin ('self' in the CSP means it and nothing else) and a file://
 * URL, anywhere on disk, is never "ours". One fixed host: any other is refused.
 */
export const appScheme = 'app';
export const appHost = 'levqor';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * What an https origin has, nothing more: standard (relative URLs, an origin, storage),
 * secure (a secure context), fetch and CORS (Vite's module scripts and chunks are loaded in
 * CORS mode). No bypassCSP, no service workers, no streaming.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};
