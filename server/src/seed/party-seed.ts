import { countryName, PARTY_ACTION_LABELS, startOfDay } from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';
import type { SheetMove } from './party-facts';
import { seedPost } from './seed-post';

const TREATY_NAMES: ReadonlyMap<string, string> = new Map([
  ['ctbt', 'the CTBT'],
  ['tpnw', 'the TPNW'],
  ['open-skies', 'the Open Skies Treaty'],
  ['cfe', 'the CFE Treaty'],
  ['npt', 'the NPT'],
]);

/**
 * The sheet's per-state acts as updates that move their state. A dateless act ("ratified; date
 * not recorded") needs a place in the log all the same: the moment the record establishes it by,
 * which is the state's next dated act or else the day the sheet's list holds for. It is marked
 * `dateUnknown`, so no page shows that moment as its date.
 */
export function partyEntries(moves: readonly SheetMove[], recordedAt: string): NewLogEntry[] {
  const counters = new Map<string, number>();
  return moves.map((move, index) => {
    const key = `${move.treatyId}-${move.code.toLowerCase()}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const next = move.on ? undefined : moves.slice(index + 1).find((m) => m.treatyId === move.treatyId && m.code === move.code && m.on);
    const occurredAt = startOfDay(move.on ?? next?.on ?? move.knownBy);
    const headline = `${countryName(move.code)}: ${PARTY_ACTION_LABELS[move.action].toLowerCase()} ${TREATY_NAMES.get(move.treatyId) ?? move.treatyId}${move.on ? '' : ' (date not recorded)'}`;
    return seedPost(move.treatyId, recordedAt, {
      id: `seed-party-${key}-${n}`,
      headline,
      ...(move.note ? { body: move.note } : {}),
      ...(move.sourceUrl ? { sourceUrl: move.sourceUrl } : {}),
      occurredAt,
      party: {
        code: move.code,
        action: move.action,
        ...(move.on ? {} : { dateUnknown: true }),
        ...(move.uncertain ? { uncertain: true } : {}),
      },
    });
  });
}
