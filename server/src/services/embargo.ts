import { DAY_MS, EMBARGO_MAX_DAYS, type Instant, type PostUpdateBody, type ScheduledUpdate } from '@treaty-watch/shared';
import { DomainError } from './errors';
import type { UpdateDraft } from './posted-entry';
import { FUTURE_TOLERANCE_MS } from './treaty-timeline';

/** A `publishAt` this recent is a slow network or a slow form; older, it is a mistake (a wrong day or time zone). */
const LATE_TOLERANCE_MS = 60 * 1000;

const invalid = (field: string, message: string) => new DomainError('invalid', `${field} ${message}`, { errors: [{ field, message }] });

/**
 * When a post becomes public and when it happened. A `publishAt` that passed moments ago (a
 * slow network, a clock a little ahead) publishes at once; one further back is refused rather
 * than breaking an embargo the editor meant to hold.
 */
export function postingTimes(
  body: Pick<PostUpdateBody, 'publishAt' | 'occurredAt'>,
  now: Date,
): { publishAt?: Instant; occurredAt: Instant } {
  const requested = body.publishAt ? new Date(body.publishAt) : undefined;
  if (requested && requested.getTime() < now.getTime() - LATE_TOLERANCE_MS) {
    throw invalid('publishAt', 'is in the past: leave it out to publish now');
  }
  const publishAt = requested && requested.getTime() > now.getTime() ? requested : undefined;
  if (publishAt && publishAt.getTime() > now.getTime() + EMBARGO_MAX_DAYS * DAY_MS) {
    throw invalid('publishAt', `must be within ${EMBARGO_MAX_DAYS} days`);
  }
  const published = publishAt ?? now;
  const occurredAt = body.occurredAt ? new Date(body.occurredAt) : published;
  if (occurredAt.getTime() > published.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid('occurredAt', publishAt ? 'must not be after publishAt' : 'must not be in the future');
  }
  return { ...(publishAt ? { publishAt: publishAt.toISOString() } : {}), occurredAt: occurredAt.toISOString() };
}

/** What an editor wrote, without the empty parts. */
export function wordingOf(body: PostUpdateBody): Pick<UpdateDraft, 'headline' | 'body' | 'status' | 'sourceUrl' | 'party'> {
  return {
    headline: body.headline,
    ...(body.body ? { body: body.body } : {}),
    ...(body.status ? { status: body.status } : {}),
    ...(body.sourceUrl ? { sourceUrl: body.sourceUrl } : {}),
    ...(body.party ? { party: body.party } : {}),
  };
}

/** An update held back until `publishAt`. */
export function embargo(fields: UpdateDraft, publishAt: Instant, createdAt: Instant): ScheduledUpdate {
  return { ...fields, publishAt, createdAt, state: 'scheduled' };
}

/** The draft an embargo holds, which becomes the update at its end. */
export function draftOf(scheduled: ScheduledUpdate): UpdateDraft {
  const { id, treatyId, headline, body, status, sourceUrl, occurredAt, author, party } = scheduled;
  return { id, treatyId, headline, body, status, sourceUrl, occurredAt, author, ...(party ? { party } : {}) };
}
