import { activityDayOf, type ActivityDay, type Change, type Snapshot, type Treaty, type Update } from '@treaty-watch/shared';
import { own } from './own';

/** How many updates the live feed keeps; older ones are on each treaty's page. */
export const FEED_LIMIT = 200;

/** A change worth pointing at on a card, and when it arrived. */
export interface Highlight {
  at: number;
  /** e.g. "in_force → suspended", or undefined for a change that moved no status. */
  from?: Treaty['status'];
  to?: Treaty['status'];
  /** The state the change moved, e.g. Egypt ratifying the CTBT. */
  party?: NonNullable<Update['party']>;
}

export interface BoardState {
  /** The seq applied last; undefined until the first snapshot. */
  seq: number | undefined;
  buildId: string | undefined;
  treaties: Treaty[];
  /** Newest first. */
  updates: Update[];
  highlights: Record<string, Highlight>;
  /** When each update arrived live, for the feed's arrival highlight. */
  arrivals: Record<string, number>;
  /** Updates per day, kept live. */
  activity: ActivityDay[];
}

export const emptyBoard: BoardState = {
  seq: undefined,
  buildId: undefined,
  treaties: [],
  updates: [],
  highlights: {},
  arrivals: {},
  activity: [],
};

export function applySnapshot(state: BoardState, snapshot: Snapshot): BoardState {
  return {
    ...state,
    seq: snapshot.seq,
    buildId: snapshot.buildId,
    treaties: snapshot.treaties,
    updates: snapshot.updates.slice(0, FEED_LIMIT),
    activity: snapshot.activity,
  };
}

/** A new update counts on its day; a retracted one stops counting. */
function countActivity(activity: ActivityDay[], change: Change, isNew: boolean): ActivityDay[] {
  const { update } = change;
  if (!update) return activity;
  const step = change.kind === 'update.posted' && isNew ? 1 : change.kind === 'update.retracted' ? -1 : 0;
  if (step === 0) return activity;
  const day = update.occurredAt.slice(0, 10);
  return activity.map((d) => {
    if (d.date !== day) return d;
    const counts = new Map(Object.entries(d.byTreaty));
    counts.set(update.treatyId, Math.max(0, (counts.get(update.treatyId) ?? 0) + step));
    return activityDayOf(d.date, counts);
  });
}

export type ChangeResult = { kind: 'applied'; state: BoardState } | { kind: 'duplicate' } | { kind: 'gap' };

/**
 * Applies a change only in seq order: one already applied is dropped, one that skips a seq
 * means something was missed and the caller must resync. So the board never shows a state
 * the server never had.
 */
export function applyChange(state: BoardState, change: Change, receivedAt: number): ChangeResult {
  if (state.seq === undefined || change.seq > state.seq + 1) return { kind: 'gap' };
  if (change.seq <= state.seq) return { kind: 'duplicate' };
  return { kind: 'applied', state: fold(state, change, receivedAt) };
}

/**
 * Applies a change of an event stream that follows some treaties: the server sends them in seq
 * order, but their seqs skip the other treaties' changes, so a skip is no gap. One already
 * applied is dropped, as above.
 */
export function applyFollowedChange(state: BoardState, change: Change, receivedAt: number): ChangeResult {
  if (state.seq === undefined) return { kind: 'gap' };
  if (change.seq <= state.seq) return { kind: 'duplicate' };
  return { kind: 'applied', state: fold(state, change, receivedAt) };
}

function fold(state: BoardState, change: Change, receivedAt: number): BoardState {
  const previous = state.treaties.find((t) => t.id === change.treaty.id);
  const treaties = previous
    ? state.treaties.map((t) => (t.id === change.treaty.id ? change.treaty : t))
    : [...state.treaties, change.treaty];

  let { updates, arrivals, activity } = state;
  const { update } = change;
  // The seed's backfill is history: the treaty takes it, the feed and the highlight do not.
  if (update && !change.backfill) {
    const known = updates.some((u) => u.id === update.id);
    activity = countActivity(activity, change, !known);
    updates = known ? updates.map((u) => (u.id === update.id ? update : u)) : [update, ...updates].slice(0, FEED_LIMIT);
    // Only updates still in the feed keep an arrival time, so a screen left on for weeks stays small.
    if (!known) {
      const kept = updates.flatMap((u): [string, number][] => {
        const at = own(arrivals, u.id);
        return at === undefined ? [] : [[u.id, at]];
      });
      arrivals = Object.fromEntries([[update.id, receivedAt], ...kept]);
    }
  }
  if (change.revised?.length) {
    const revised = new Map(change.revised.map((u) => [u.id, u]));
    updates = updates.map((u) => revised.get(u.id) ?? u);
  }
  const moved = previous && previous.status !== change.treaty.status;
  const party = change.kind === 'update.posted' ? update?.party : undefined;
  const highlight: Highlight = {
    at: receivedAt,
    ...(moved ? { from: previous.status, to: change.treaty.status } : {}),
    ...(party ? { party } : {}),
  };
  const highlights = change.backfill ? state.highlights : { ...state.highlights, [change.treaty.id]: highlight };
  return { ...state, seq: change.seq, treaties, updates, arrivals, activity, highlights };
}
