import type { PartyHistoryEntry, PartyState, Standing } from '@treaty-watch/shared';
import { STANDING_ORDER } from '../../components/standing-style';

const JOINED = new Set<PartyHistoryEntry['action']>(['ratified', 'acceded', 'succeeded']);

/**
 * What a cell says of an act: its day, "not recorded" when the record holds the act but not its
 * day, or nothing when there was no such act.
 */
export type ActDate = { kind: 'dated'; iso: string } | { kind: 'undated' } | { kind: 'none' };

function act(iso: string | undefined, happened: boolean): ActDate {
  if (iso) return { kind: 'dated', iso };
  return happened ? { kind: 'undated' } : { kind: 'none' };
}

export const signedOf = (s: PartyState): ActDate =>
  act(
    s.signedAt,
    s.history.some((h) => h.action === 'signed'),
  );

/** Ratified (acceded, succeeded), or for a state that left, when it left. */
export function joinedOrLeftOf(s: PartyState): { label: 'ratified' | 'left'; date: ActDate } {
  if (s.standing === 'withdrawn') return { label: 'left', date: act(s.leftAt, true) };
  return {
    label: 'ratified',
    date: act(s.ratifiedAt, s.standing !== 'signed' && s.standing !== 'not_signed' && s.history.some((h) => JOINED.has(h.action))),
  };
}

export type SortKey = 'name' | 'standing' | 'since' | 'signed' | 'joined';

const dateKey = (d: ActDate) => (d.kind === 'dated' ? d.iso : d.kind === 'undated' ? '~' : '~~');
/** By code point, not locale: a locale's collation puts "~" before the digits of a date. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const standingRank = (s: Standing) => STANDING_ORDER.indexOf(s);

/** Ascending, undated acts come after dated ones and states without the act last; ties by name. */
export function compareBy(key: SortKey): (a: PartyState, b: PartyState) => number {
  switch (key) {
    case 'name':
      return (a, b) => a.name.localeCompare(b.name);
    case 'standing':
      return (a, b) => standingRank(a.standing) - standingRank(b.standing) || a.name.localeCompare(b.name);
    case 'since':
      return (a, b) => byCodePoint(a.since ?? '~', b.since ?? '~') || a.name.localeCompare(b.name);
    case 'signed':
      return (a, b) => byCodePoint(dateKey(signedOf(a)), dateKey(signedOf(b))) || a.name.localeCompare(b.name);
    case 'joined':
      return (a, b) => byCodePoint(dateKey(joinedOrLeftOf(a).date), dateKey(joinedOrLeftOf(b).date)) || a.name.localeCompare(b.name);
  }
}

export interface PartyFilter {
  text: string;
  standing: Standing | '';
  group: string;
}

/** Matches a name or code, anywhere, without regard to case or accents ("cote" finds Côte d'Ivoire). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matches(filter: PartyFilter): (s: PartyState) => boolean {
  const text = fold(filter.text.trim());
  return (s) =>
    (!filter.standing || s.standing === filter.standing) &&
    (!filter.group || s.groups.includes(filter.group)) &&
    (!text || fold(s.name).includes(text) || s.code.toLowerCase() === text);
}
