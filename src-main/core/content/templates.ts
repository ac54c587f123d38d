import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentKind } from '../../../shared/contract/content';
import { badInput } from '../errors';
import videoScript from '../../../content/templates/video-script.json';
import xThread from '../../../content/templates/x-thread.json';
import linkedinPost from '../../../content/templates/linkedin-post.json';
import email from '../../../content/templates/email.json';
import instagramCarousel from '../../../content/templates/instagram-carousel.json';
import miniArticle from '../../../content/templates/mini-article.json';

/** The templates the app ships (content/templates/ at the repo root, built into the app). */
export const defaultTemplates: Record<ContentKind, unknown> = {
  'video-script': videoScript,
  'x-thread': xThread,
  'linkedin-post': linkedinPost,
  email,
  'instagram-carousel': instagramCarousel,
  'mini-article': miniArticle,
};

/** Where a founder's own copy of a kind's template goes: it replaces the shipped one. */
export function templateOverridePath(dataDir: string, kind: ContentKind): string {
  return join(dataDir, 'content', 'templates', `${kind}.json`);
}

export interface LoadedTemplate {
  template: unknown;
  /** The file a problem with it is reported against. */
  source: string;
}

/** The founder's template of `kind` when the data dir has one, else the shipped one; read on every generation so an edit shows at once. */
export function loadTemplate(dataDir: string, kind: ContentKind): LoadedTemplate {
  const path = templateOverridePath(dataDir, kind);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { template: defaultTemplates[kind], source: `content/templates/${kind}.json` };
  }
  try {
    return { template: JSON.parse(text) as unknown, source: path };
  } catch (err) {
    throw badInput(path, `must be JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
