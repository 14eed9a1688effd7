import { isHttpUri, type Status, type Treaty, type Update } from '@treaty-watch/shared';
import { FeedItem } from '../../components/feed-item';
import { TreatyCard } from '../../components/treaty-card';
import type { Draft } from './post-update';

/** When the draft says it happened: its own time if it parses, now otherwise (as the server does). */
function occurredAtOf(draft: Draft, now: number): string {
  const at = draft.occurredAt ? Date.parse(draft.occurredAt) : NaN;
  return new Date(Number.isNaN(at) ? now : at).toISOString();
}

/** The update as the board will show it once posted, from what is typed so far. */
export function previewUpdate(draft: Draft, treaty: Treaty, author: string, now: number): Update {
  const moves = draft.status !== '' && draft.status !== treaty.status;
  const sourceUrl = draft.sourceUrl.trim();
  return {
    id: 'preview',
    seq: treaty.version + 1,
    treatyId: treaty.id,
    headline: draft.headline.trim() || 'Your headline',
    ...(draft.body.trim() ? { body: draft.body } : {}),
    ...(moves ? { status: draft.status as Status, previousStatus: treaty.status } : {}),
    // Only a web address becomes a link, even in a preview.
    ...(isHttpUri(sourceUrl) ? { sourceUrl } : {}),
    occurredAt: occurredAtOf(draft, now),
    publishedAt: new Date(now).toISOString(),
    author,
  };
}

/** The card and the feed line readers will see, drawn by the board's own components. */
export function PostPreview({ draft, treaty, author, now }: { draft: Draft; treaty: Treaty | undefined; author: string; now: number }) {
  if (!treaty) return null;
  const update = previewUpdate(draft, treaty, author, now);
  const shown: Treaty = update.status ? { ...treaty, status: update.status, statusSince: update.occurredAt } : treaty;
  const highlight = update.status ? { at: now, from: treaty.status, to: update.status } : { at: now };
  return (
    <section className="post-preview" aria-labelledby="post-preview-heading">
      <h2 id="post-preview-heading">Preview</h2>
      <p className="hint">As readers will see it once posted{draft.publishAt ? ' (after the embargo)' : ''}.</p>
      <div className="preview-card">
        <TreatyCard treaty={shown} now={now} highlight={highlight} />
      </div>
      <div className="live-feed preview-feed">
        <ol>
          <FeedItem update={update} treatyName={treaty.shortName} now={now} fresh={false} />
        </ol>
      </div>
    </section>
  );
}
