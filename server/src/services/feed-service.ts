import type { Treaty, Update } from '@treaty-watch/shared';
import { atomFeed } from '../feeds/atom';
import { feedItem } from '../feeds/feed-items';
import { deadlinesCalendar } from '../feeds/icalendar';
import { jsonFeed } from '../feeds/json-feed';
import type { Store } from '../store/store';
import { DomainError } from './errors';
import type { LastAnswers } from './last-answers';

const FEED_ITEMS = 50;

/** Feeds for readers and other systems, rebuilt from the store; the log's seq is their version. */
export function createFeedService(store: Store, answers: LastAnswers, clock: () => Date = () => new Date()) {
  async function items(origin: string, treatyId?: string) {
    const treaties = await store.listTreaties();
    const byId = new Map(treaties.map((t) => [t.id, t]));
    let treaty: Treaty | undefined;
    let updates: Update[];
    if (treatyId) {
      treaty = byId.get(treatyId);
      if (!treaty) throw new DomainError('not_found', `There is no treaty "${treatyId}".`);
      updates = (await store.treatyUpdates(treatyId)).sort((a, b) => b.seq - a.seq).slice(0, FEED_ITEMS);
    } else {
      updates = await store.latestUpdates(FEED_ITEMS);
    }
    const list = updates.map((u) => feedItem(u, byId.get(u.treatyId), origin));
    const updated =
      list
        .map((i) => i.updated)
        .sort()
        .at(-1) ?? clock().toISOString();
    return { treaty, list, updated, treaties };
  }

  return {
    /** Changes whenever anything a feed shows can have changed. */
    version(): Promise<string> {
      return answers.read('feed version', async () => `W/"${await store.currentSeq()}"`);
    },

    atom(origin: string, treatyId?: string): Promise<string> {
      return answers.read(`atom ${origin} ${treatyId ?? ''}`, async () => {
        const { treaty, list, updated } = await items(origin, treatyId);
        const path = treatyId ? `/feeds/treaties/${treatyId}.atom` : '/feeds/updates.atom';
        return atomFeed(
          {
            id: `urn:treaty-watch:feed:${treatyId ?? 'updates'}`,
            title: treaty ? `Treaty Watch: ${treaty.shortName}` : 'Treaty Watch: latest updates',
            selfUrl: `${origin}${path}`,
            homeUrl: treatyId ? `${origin}/treaties/${treatyId}` : `${origin}/`,
            updated,
          },
          list,
        );
      });
    },

    json(origin: string) {
      return answers.read(`json feed ${origin}`, async () => {
        const { list } = await items(origin);
        return jsonFeed({ title: 'Treaty Watch: latest updates', feedUrl: `${origin}/feeds/updates.json`, homeUrl: `${origin}/` }, list);
      });
    },

    /** The calendar also changes when a day passes and takes that day's key dates off it. */
    calendarVersion(): Promise<string> {
      return answers.read('calendar version', async () => `W/"${await store.currentSeq()}-${clock().toISOString().slice(0, 10)}"`);
    },

    deadlines(origin: string): Promise<string> {
      return answers.read(`calendar ${origin}`, async () => deadlinesCalendar(await store.listTreaties(), clock().toISOString(), origin));
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
