import type { FeedItem } from './feed-items';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): text only, so nothing is interpreted as HTML. */
export function jsonFeed(feed: { title: string; feedUrl: string; homeUrl: string }, items: FeedItem[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    language: 'en',
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      ...(item.sourceUrl ? { external_url: item.sourceUrl } : {}),
      title: item.title,
      content_text: item.text,
      date_published: item.published,
      date_modified: item.updated,
      authors: [{ name: item.author }],
      tags: item.tags,
    })),
  };
}
