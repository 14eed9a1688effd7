import type { Change } from '@treaty-watch/shared';
import type { Store } from '../store/store';
import type { MailRecord, SubscriptionRecord } from '../store/subscription-store';
import { changeContent, digestContent, DIGEST_MAX, follows, isMailed } from './change-content';
import type { MailContent } from './mail-message';
import { alreadySubscribedContent, confirmContent } from './notice-content';

/** The digest's changes, oldest first, and how many past the most it lists. */
async function digestChanges(
  store: Store,
  subscription: SubscriptionRecord,
  after: number,
  upTo: number,
): Promise<{ changes: Change[]; more: number }> {
  const changes: Change[] = [];
  let more = 0;
  for (let from = after; from < upTo;) {
    const page = (await store.changesAfter(from, 200)).filter((c) => c.seq <= upTo);
    for (const change of page) {
      if (!isMailed(change) || !follows(subscription.treaties, change)) continue;
      if (changes.length < DIGEST_MAX) changes.push(change);
      else more += 1;
    }
    const last = page.at(-1);
    if (!last) break;
    from = last.seq;
  }
  return { changes, more };
}

/**
 * A message's words, made when it is sent from what the log holds: a change message from its
 * change as it was broadcast, a digest from the changes it covers. Undefined when there is
 * nothing left to say (the change is gone from a reset database).
 */
export async function renderMail(
  store: Store,
  mail: MailRecord,
  subscription: SubscriptionRecord,
  publicUrl: string,
  urls: { confirm?: string; manage: string },
): Promise<MailContent | undefined> {
  switch (mail.kind) {
    case 'confirm':
      return confirmContent(urls.confirm ?? urls.manage, subscription.treaties, subscription.cadence, subscription.hour);
    case 'already-subscribed':
      return alreadySubscribedContent(urls.manage);
    case 'change': {
      const [change] = await store.changesAfter((mail.seq ?? 1) - 1, 1);
      return change && change.seq === mail.seq ? changeContent(change, publicUrl) : undefined;
    }
    case 'digest': {
      const { changes, more } = await digestChanges(store, subscription, mail.afterSeq ?? 0, mail.seq ?? 0);
      return changes.length ? digestContent(changes, more, publicUrl, mail.createdAt.slice(0, 10)) : undefined;
    }
  }
}
