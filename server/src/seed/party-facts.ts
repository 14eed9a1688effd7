import { countryName, type PartyAction, type PartyCounts, type PartyGroup, type PartyRecordNote } from '@treaty-watch/shared';
import sheet from './parties.json' with { type: 'json' };

/** A state the fact sheet names for a treaty, with what it says of it beyond its dated acts. */
export interface RosterState {
  code: string;
  name: string;
  groups: string[];
  uncertain?: boolean;
  note?: string;
  sources: string[];
}

/** One treaty's record beyond the log: who it names, its groups, the sheet's counts and notes. */
export interface TreatyRecord {
  treatyId: string;
  complete: boolean;
  note?: string;
  counts?: Omit<PartyCounts, 'movesSince'>;
  groups: PartyGroup[];
  notes: PartyRecordNote[];
  states: RosterState[];
}

/**
 * One dated act of the sheet, for the seed to put in the log. `on` is absent where the sheet
 * holds the act but not its day; `knownBy` is then the day the record establishes it by.
 */
export interface SheetMove {
  treatyId: string;
  code: string;
  action: PartyAction;
  on?: string;
  knownBy: string;
  sourceUrl?: string;
  uncertain?: boolean;
  note?: string;
}

type Sheet = typeof sheet.treaties;
type Loose = { code: string; name: string; sources?: string[]; note?: string; uncertain?: boolean };

const day = (value: string | null | undefined): string | undefined => value ?? undefined;

function rosterOf(state: Loose, groups: string[] = []): RosterState {
  return {
    code: state.code,
    name: countryName(state.code),
    groups,
    ...(state.uncertain ? { uncertain: true } : {}),
    ...(state.note ? { note: state.note } : {}),
    sources: state.sources ?? [],
  };
}

function move(
  treatyId: string,
  state: Loose,
  action: PartyAction,
  on: string | null | undefined,
  knownBy: string,
  sourceUrl = state.sources?.[0],
): SheetMove {
  return {
    treatyId,
    code: state.code,
    action,
    ...(on ? { on } : {}),
    knownBy,
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(state.uncertain ? { uncertain: true } : {}),
  };
}

const joinAction = (method: string | null | undefined): PartyAction =>
  method === 'accession' ? 'acceded' : method === 'succession' ? 'succeeded' : 'ratified';

function ctbt(s: Sheet['ctbt'], moves: SheetMove[]): TreatyRecord {
  const knownBy = s.annex2Summary.asOf;
  for (const state of s.annex2) {
    if (state.code === 'RU') continue;
    if (state.signed) moves.push(move('ctbt', state, 'signed', state.signedAt, knownBy));
    if (state.ratified) moves.push(move('ctbt', state, 'ratified', state.ratifiedAt, knownBy));
  }
  // Russia's record is its events: the ratification law (TASS; the MFA dates the ratification
  // 2000-06-30, hence uncertain) and the revocation that took effect on 2023-11-02.
  const russia = s.annex2.find((state) => state.code === 'RU');
  if (russia) {
    const event = (date: string) => russia.events.find((e) => e.date === date);
    moves.push({ ...move('ctbt', russia, 'signed', russia.signedAt, knownBy), uncertain: false });
    moves.push({
      ...move('ctbt', russia, 'ratified', '2000-05-27', knownBy, event('2000-05-27')?.source),
      note: 'TASS dates the ratification law 2000-05-27; a Russian MFA statement dates the ratification 2000-06-30.',
    });
    moves.push({ ...move('ctbt', russia, 'ratification_revoked', '2023-11-02', knownBy, event('2023-11-02')?.source), uncertain: false });
  }
  return {
    treatyId: 'ctbt',
    complete: true,
    note: 'The record names the 44 Annex 2 states, whose ratifications entry into force needs; the totals are the CTBTO’s.',
    counts: {
      signatories: s.signatories,
      ratifications: s.ratifications,
      asOf: s.countsAsOf,
      sourceUrl: s.countsSource,
      note: s.countsNote,
    },
    groups: [{ id: 'annex-2', name: 'Annex 2', size: s.annex2.length }],
    notes: [],
    states: s.annex2.map((state) => rosterOf(state, ['annex-2'])),
  };
}

function tpnw(s: Sheet['tpnw'], moves: SheetMove[]): TreatyRecord {
  const knownBy = s.countsAsOf;
  for (const state of s.partiesPartial) {
    const action = joinAction(state.method);
    if (state.signedAt || action === 'ratified') moves.push(move('tpnw', state, 'signed', state.signedAt, knownBy));
    moves.push(move('tpnw', state, action, state.ratifiedAt, knownBy));
  }
  for (const state of s.signatoriesNotRatifiedPartial) moves.push(move('tpnw', state, 'signed', state.signedAt, knownBy));
  return {
    treatyId: 'tpnw',
    complete: s.listComplete,
    note: s.note,
    counts: { parties: s.partyCount, asOf: s.countsAsOf, sourceUrl: s.countsSources[0] ?? '', note: s.countsNote },
    groups: [],
    notes: [],
    states: [...s.partiesPartial, ...s.signatoriesNotRatifiedPartial].map((state) => rosterOf(state)),
  };
}

function openSkies(s: Sheet['openSkies'], sheetAsOf: string, moves: SheetMove[]): TreatyRecord {
  // The Dutch table is undated: read it as of its latest entry, Russia's withdrawal taking effect.
  const asOf =
    s.withdrawn
      .flatMap((w) => w.events.map((e) => e.date))
      .sort()
      .at(-1) ?? sheetAsOf;
  for (const state of [...s.statesParties, ...s.withdrawn]) {
    const action = joinAction(state.method);
    if (state.signedAt || action === 'ratified') moves.push(move('open-skies', state, 'signed', state.signedAt, asOf));
    moves.push(move('open-skies', state, action, state.ratifiedAt, asOf));
  }
  for (const state of s.withdrawn) {
    for (const event of state.events) {
      // The Dutch depositary's record of the notice and of its taking effect; announcements are not acts.
      const action: PartyAction | undefined = event.event.startsWith('withdrawal notice')
        ? 'withdrawal_notified'
        : event.event.startsWith('withdrawal effective')
          ? 'withdrew'
          : undefined;
      if (action) moves.push(move('open-skies', state, action, event.date, asOf, event.source));
    }
  }
  for (const state of s.signatoriesNotRatified) moves.push(move('open-skies', state, 'signed', state.signedAt, asOf));
  return {
    treatyId: 'open-skies',
    complete: true,
    counts: { parties: s.partyCountDerived, asOf, sourceUrl: s.sources[0] ?? '', uncertain: true, note: s.partyCountNote },
    groups: [],
    notes: [],
    states: [...s.statesParties, ...s.withdrawn, ...s.signatoriesNotRatified].map((state) => rosterOf(state)),
  };
}

function cfe(s: Sheet['cfe'], asOf: string, moves: SheetMove[]): TreatyRecord {
  const inForce = s.entryIntoForce.date;
  for (const state of s.signatories1990) moves.push(move('cfe', state, 'signed', state.signedAt, asOf));
  // A state that suspended or left was a party; how and when it became one the sheet does not say.
  const party = (state: Loose, before: string) => ({
    ...move('cfe', state, 'ratified', undefined, before),
    note: 'A party before this date; when it ratified is not recorded.',
  });
  const russia: Loose = { ...s.russia, sources: s.russia.events.map((e) => e.source) };
  const suspension = s.russia.events.find((e) => e.event.startsWith('suspension takes effect'));
  const withdrawal = s.russia.events.find((e) => e.event.startsWith('withdrawal complete'));
  if (suspension && withdrawal) {
    moves.push(party(russia, suspension.date));
    moves.push(move('cfe', russia, 'suspended', suspension.date, asOf, suspension.source));
    moves.push(move('cfe', russia, 'withdrew', withdrawal.date, asOf, withdrawal.source));
  }
  const allies = s.alliedSuspensions.filter((a) => a.code !== 'XX-NATO');
  for (const ally of allies) {
    // Announced on the day Russia left; that is the day the record holds a dateless suspension by.
    const knownBy = ally.effectiveAt ?? ally.announcedAt ?? withdrawal?.date ?? asOf;
    moves.push(party(ally, knownBy));
    const suspended = move('cfe', ally, 'suspended', ally.effectiveAt, knownBy);
    moves.push(ally.effectiveAt ? suspended : { ...suspended, uncertain: true, note: ally.note });
  }
  const collective = s.alliedSuspensions.find((a) => a.code === 'XX-NATO');
  const named = new Map<string, RosterState>();
  for (const state of [...s.signatories1990, russia, ...allies]) {
    const known = named.get(state.code);
    const roster = rosterOf(state);
    named.set(
      state.code,
      known
        ? { ...known, sources: [...new Set([...known.sources, ...roster.sources])], ...(roster.note ? { note: roster.note } : {}) }
        : roster,
    );
  }
  return {
    treatyId: 'cfe',
    complete: false,
    note: s.statesPartiesNote,
    counts: {
      parties: 29,
      asOf,
      sourceUrl: s.entryIntoForce.sources[0] ?? '',
      uncertain: true,
      note: '29 states parties after Russia left: derived (30 less Russia), not stated by a source.',
    },
    groups: [],
    notes: [
      { on: `${inForce}T00:00:00.000Z`, text: `Entry into force: ${s.entryIntoForce.note}` },
      ...(collective
        ? [
            {
              ...(collective.announcedAt ? { on: `${collective.announcedAt}T00:00:00.000Z` } : {}),
              text: `${collective.name}: ${collective.note}`,
              ...(collective.sources[0] ? { sourceUrl: collective.sources[0] } : {}),
            },
          ]
        : []),
      ...(s.alliedSuspensionsComplete ? [] : [{ text: 'Allied suspensions listed only in part; each ally suspended on its own date.' }]),
    ],
    states: [...named.values()],
  };
}

function npt(s: Sheet['npt'], asOf: string, moves: SheetMove[]): TreatyRecord {
  // The depositaries ratified before entry into force, the day the sheet does not hold.
  const inForce = '1970-03-05';
  for (const state of s.nuclearWeaponStates) {
    if (state.signedAt) moves.push(move('npt', state, 'signed', state.signedAt, inForce));
    if ('accededAt' in state && state.accededAt) moves.push(move('npt', state, 'acceded', state.accededAt, asOf));
    else moves.push(move('npt', state, 'ratified', state.ratifiedAt, inForce));
  }
  const korea: Loose = { ...s.northKorea, sources: s.northKorea.events.map((e) => e.source) };
  const notice = s.northKorea.events[0];
  if (notice) {
    moves.push({ ...move('npt', korea, 'acceded', undefined, notice.date), note: 'Accession date not recorded.' });
    moves.push({ ...move('npt', korea, 'withdrawal_notified', notice.date, asOf, notice.source), note: s.northKorea.note });
  }
  return {
    treatyId: 'npt',
    complete: false,
    note: 'Notable positions only: the five nuclear-weapon states, the states outside and North Korea.',
    counts: { parties: s.partyCount, asOf, sourceUrl: s.partyCountSources[0] ?? '', note: s.partyCountNote },
    groups: [],
    notes: [],
    states: [...s.nuclearWeaponStates, ...s.outside, korea].map((state) => rosterOf(state)),
  };
}

function read(): { records: Map<string, TreatyRecord>; moves: SheetMove[] } {
  const moves: SheetMove[] = [];
  const t = sheet.treaties;
  const list = [
    ctbt(t.ctbt, moves),
    tpnw(t.tpnw, moves),
    openSkies(t.openSkies, sheet.asOf, moves),
    cfe(t.cfe, sheet.asOf, moves),
    npt(t.npt, sheet.asOf, moves),
  ];
  return { records: new Map(list.map((r) => [r.treatyId, r])), moves: moves.map((m) => ({ ...m, knownBy: day(m.knownBy) ?? sheet.asOf })) };
}

const { records, moves } = read();

/** The per-state record of each multilateral treaty, by treaty id. */
export const PARTY_RECORDS: ReadonlyMap<string, TreatyRecord> = records;

/** Every dated (or dateless) act of the sheet, state by state, in the sheet's order. */
export const SHEET_MOVES: readonly SheetMove[] = moves;
