import type { FeedItem } from './feed-items';
import { printable } from './printable';

/**
 * XML text: everything markup-like is escaped, never interpreted. A CR is written as a
 * reference, since a parser turns a raw one into LF; what XML 1.0 cannot carry is dropped.
 */
export function xml(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value: a parser turns raw tabs and line breaks there into spaces. */
const attribute = (text: string) => xml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

export function atomFeed(
  feed: { id: string; title: string; selfUrl: string; homeUrl: string; updated: string },
  items: FeedItem[],
): string {
  const entries = items.map(
    (item) => `  <entry>
    <id>${xml(item.id)}</id>
    <title type="text">${xml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${attribute(item.url)}"/>${item.sourceUrl ? `\n    <link rel="related" href="${attribute(item.sourceUrl)}" title="Source"/>` : ''}
    <published>${item.published}</published>
    <updated>${item.updated}</updated>
    <author><name>${xml(item.author)}</name></author>
${item.tags.map((tag) => `    <category term="${attribute(tag)}"/>`).join('\n')}
    <content type="text">${xml(item.text)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title type="text">${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${attribute(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${attribute(feed.homeUrl)}"/>
  <updated>${feed.updated}</updated>
  <generator>Treaty Watch</generator>
${entries.join('\n')}
</feed>
`;
}
