import type { ContentAssetOf, ContentKind, ContentSet } from '../../../shared/contract/content';
import type { ContentPost } from '../content-port';
import type { MessageChannel } from '../message-port';

/** The asset each channel the alerts reach posts: a chat or channel takes the short social thread, the email list the email. */
export const channelAssets = { telegram: 'x-thread', slack: 'x-thread', email: 'email' } as const satisfies Record<MessageChannel, ContentKind>;

function asset<K extends ContentKind>(set: ContentSet, kind: K): ContentAssetOf<K> | undefined {
  return set.assets.find((a): a is ContentAssetOf<K> => a.kind === kind);
}

/** The title a channel post carries: the article's title, else the seed. */
function postTitle(set: ContentSet): string {
  return asset(set, 'mini-article')?.title ?? set.seed.seed.slice(0, 200);
}

function post(set: ContentSet, channel: MessageChannel): ContentPost | undefined {
  if (channel === 'email') {
    const email = asset(set, 'email');
    return email && { channel, kind: 'email', title: email.subject, body: [email.preview, email.body, `${email.cta.text}: ${email.cta.url}`].join('\n\n') };
  }
  const thread = asset(set, 'x-thread');
  return thread && { channel, kind: 'x-thread', title: postTitle(set), body: thread.posts.join('\n\n') };
}

/**
 * How a set is published to `channels`: one post per channel, and the kinds no given channel
 * posts (written as ready-to-post files instead).
 */
export function publishing(set: ContentSet, channels: readonly MessageChannel[]): { posts: ContentPost[]; rest: ContentKind[] } {
  const posts = channels.flatMap((c) => post(set, c) ?? []);
  const posted = new Set(posts.map((p) => p.kind));
  return { posts, rest: set.assets.map((a) => a.kind).filter((k) => !posted.has(k)) };
}
