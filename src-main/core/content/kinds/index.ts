import type { ContentKind } from '../../../../shared/contract/content';
import type { AnyContentKind, ContentKindDefinition } from '../content-kind';
import { videoScriptKind } from './video-script';
import { xThreadKind } from './x-thread';
import { linkedinPostKind } from './linkedin-post';
import { emailKind } from './email';
import { instagramCarouselKind } from './instagram-carousel';
import { miniArticleKind } from './mini-article';

/** The asset kinds, in the order a set lists them. Adding a kind = one file beside this one and one line here. */
export const contentKindList: readonly AnyContentKind[] = [videoScriptKind, xThreadKind, linkedinPostKind, emailKind, instagramCarouselKind, miniArticleKind];

export function contentKind<K extends ContentKind>(kind: K): ContentKindDefinition<K> {
  return contentKindList.find((k) => k.kind === kind) as unknown as ContentKindDefinition<K>;
}
