import {
  ACTION_STANDING,
  canTakeAction,
  countryName,
  endOfDay,
  PARTY_TRANSITIONS,
  type PartyAction,
  type PartyCounts,
  type PartyState,
  type PartySummary,
  type Standing,
  type Update,
} from '@treaty-watch/shared';
import { PARTY_RECORDS, type TreatyRecord } from '../seed/party-facts';

type Move = Update & { party: NonNullable<Update['party']> };

const JOINS: readonly PartyAction[] = ['ratified', 'acceded', 'succeeded'];

const byOccurred = (a: Update, b: Update) => (a.occurredAt !== b.occurredAt ? (a.occurredAt < b.occurredAt ? -1 : 1) : a.seq - b.seq);

/** The party moves that stand at `at` (all, without it), in effective order: retracted ones left out. */
export function movesOf(updates: readonly Update[], at?: string): Move[] {
  return updates
    .filter((u): u is Move => u.party !== undefined && (at === undefined || u.occurredAt <= at))
    .filter((u) => !u.retractedAt || (at !== undefined && u.retractedAt > at))
    .sort(byOccurred);
}

/** Every state of a treaty's record, with its moves applied; a state moved live but not on record joins it. */
export function foldStates(record: TreatyRecord | undefined, moves: readonly Move[]): PartyState[] {
  const states = new Map<string, PartyState>();
  for (const r of record?.states ?? []) {
    states.set(r.code, {
      code: r.code,
      name: r.name,
      standing: 'not_signed',
      groups: r.groups,
      ...(r.uncertain ? { uncertain: true } : {}),
      ...(r.note ? { note: r.note } : {}),
      sources: [...r.sources],
      history: [],
    });
  }
  for (const move of moves) {
    const { code, action } = move.party;
    const state = states.get(code) ?? {
      code,
      name: countryName(code),
      standing: 'not_signed' as Standing,
      groups: [],
      sources: [],
      history: [],
    };
    const on = move.party.dateUnknown ? undefined : move.occurredAt;
    state.standing = ACTION_STANDING[action];
    if (on) state.since = on;
    else delete state.since;
    if (action === 'signed') setOrClear(state, 'signedAt', on);
    if (JOINS.includes(action)) setOrClear(state, 'ratifiedAt', on);
    if (action === 'ratification_revoked') delete state.ratifiedAt;
    if (action === 'withdrew') setOrClear(state, 'leftAt', on);
    if (move.party.uncertain) state.uncertain = true;
    state.history.push({
      ...(on ? { on } : {}),
      action,
      ...(move.sourceUrl ? { sourceUrl: move.sourceUrl } : {}),
      updateId: move.id,
      ...(move.party.uncertain ? { uncertain: true } : {}),
      ...(move.body ? { note: move.body } : {}),
    });
    if (move.sourceUrl && !state.sources.includes(move.sourceUrl)) state.sources.push(move.sourceUrl);
    states.set(code, state);
  }
  return [...states.values()];
}

function setOrClear(state: PartyState, field: 'signedAt' | 'ratifiedAt' | 'leftAt', on: string | undefined): void {
  // A dateless act replaces whatever date an earlier act of the kind had: `undefined` is then dropped on the wire.
  state[field] = on;
}

/** The sheet's counts with the moves that took effect after their day added. */
export function countsOf(record: TreatyRecord | undefined, moves: readonly Move[]): PartyCounts | undefined {
  if (!record?.counts) return undefined;
  const counts: PartyCounts = { ...record.counts, movesSince: 0 };
  const after = endOfDay(counts.asOf);
  const add = (field: 'signatories' | 'ratifications' | 'parties', n: number) => {
    if (counts[field] !== undefined) counts[field] = Math.max(0, (counts[field] ?? 0) + n);
  };
  for (const move of moves) {
    if (move.occurredAt <= after) continue;
    const { action } = move.party;
    counts.movesSince += 1;
    if (action === 'signed') add('signatories', 1);
    if (JOINS.includes(action)) {
      add('ratifications', 1);
      add('parties', 1);
    }
    if (action === 'ratification_revoked') {
      add('ratifications', -1);
      add('parties', -1);
    }
    if (action === 'withdrew') add('parties', -1);
  }
  return counts;
}

/** What a card says of a treaty's states without another request; none for a treaty with no record and no moves. */
export function partySummaryOf(treatyId: string, updates: readonly Update[], at?: string): PartySummary | undefined {
  const record = PARTY_RECORDS.get(treatyId);
  const moves = movesOf(updates, at);
  if (!record && moves.length === 0) return undefined;
  const states = foldStates(record, moves);
  const byStanding: PartySummary['byStanding'] = {};
  for (const s of states) byStanding[s.standing] = (byStanding[s.standing] ?? 0) + 1;
  const counts = countsOf(record, moves);
  return {
    complete: record?.complete ?? false,
    byStanding,
    withdrawn: states.filter((s) => s.standing === 'withdrawn').map((s) => s.code),
    groups: (record?.groups ?? []).map((group) => {
      const members = states.filter((s) => s.groups.includes(group.id));
      const missing = members.filter((s) => s.standing !== 'ratified').map((s) => s.code);
      return { ...group, ratified: members.length - missing.length, missing };
    }),
    ...(counts ? { counts } : {}),
  };
}

/** Why a move cannot be made where it would take effect; undefined when the record allows it. */
export type MoveRefusal = { at: 'now'; standing: Standing; allowed: readonly PartyAction[] } | { at: 'later'; update: Update };

/**
 * Checks a new move of `code` against the state's record: the standing it would find at its
 * moment, and every later move, which must still be possible after it (a backdated move is
 * checked against what followed, as statuses are).
 */
export function refusalOf(updates: readonly Update[], candidate: Move): MoveRefusal | undefined {
  const own = movesOf(updates).filter((m) => m.party.code === candidate.party.code);
  const sequence = [...own, candidate].sort(byOccurred);
  let standing: Standing = 'not_signed';
  for (const move of sequence) {
    if (!canTakeAction(standing, move.party.action)) {
      return move === candidate ? { at: 'now', standing, allowed: PARTY_TRANSITIONS[standing] } : { at: 'later', update: move };
    }
    standing = ACTION_STANDING[move.party.action];
  }
  return undefined;
}
