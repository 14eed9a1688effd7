import { STATUS_TRANSITIONS, type Status, type Treaty, type Update } from '@treaty-watch/shared';

/** How far back a headline counts as just posted: a second post within it is most likely a double click or two editors on one story. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** The statuses the treaty can move to now; none for a final one (abandoned, expired). */
export function allowedStatuses(treaty: Pick<Treaty, 'status'> | undefined): readonly Status[] {
  return treaty ? STATUS_TRANSITIONS[treaty.status] : [];
}

/** Headlines that differ only in case, spacing or Unicode form are the same story. */
const normalHeadline = (headline: string) => headline.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** The newest update of `treatyId` with the same headline published within the window before `now`, if any. */
export function recentDuplicate(updates: readonly Update[], treatyId: string, headline: string, now: number): Update | undefined {
  const wanted = normalHeadline(headline);
  if (!wanted || !treatyId) return undefined;
  return updates
    .filter((u) => u.treatyId === treatyId && normalHeadline(u.headline) === wanted)
    .filter((u) => {
      const age = now - Date.parse(u.publishedAt);
      return age >= 0 && age <= DUPLICATE_WINDOW_MS;
    })
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0];
}
