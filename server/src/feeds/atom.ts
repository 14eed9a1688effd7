import type { FeedItem } from './feed-items';

/** XML text and attribute values: everything markup-like is escaped, never interpreted. */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry other control characters: they are dropped.
    .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function atomFeed(feed: { id: string; title: string; selfUrl: string; homeUrl: string; updated: string }, items: FeedItem[]): string {
  const entries = items.map(
    (item) => `  <entry>
    <id>${xml(item.id)}</id>
    <title type="text">${xml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(item.url)}"/>${item.sourceUrl ? `\n    <link rel="related" href="${xml(item.sourceUrl)}" title="Source"/>` : ''}
    <published>${item.published}</published>
    <updated>${item.updated}</updated>
    <author><name>${xml(item.author)}</name></author>
${item.tags.map((tag) => `    <category term="${xml(tag)}"/>`).join('\n')}
    <content type="text">${xml(item.text)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title type="text">${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.homeUrl)}"/>
  <updated>${feed.updated}</updated>
  <generator>Treaty Watch</generator>
${entries.join('\n')}
</feed>
`;
}
