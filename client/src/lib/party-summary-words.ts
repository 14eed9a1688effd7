import { countryName, PARTY_ACTION_LABELS, type PartyAction, type PartySummary, type Treaty } from '@treaty-watch/shared';

/** Names a headline writer uses; the rest as the shared list gives them. */
const HEADLINE_NAMES: Record<string, string> = { US: 'US', GB: 'UK' };

export const shortCountryName = (code: string) => HEADLINE_NAMES[code] ?? countryName(code);

/** "the US and Russia", "China, Egypt and Iran". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface PartySummaryWords {
  text: string;
  /** Why a count in the text is marked uncertain (derived, or disputed). */
  uncertain?: string;
}

const STATUS_PHRASE: Partial<Record<Treaty['status'], string>> = {
  signed: 'Signed, not in force',
  in_force: 'In force',
  suspended: 'Suspended',
  withdrawal_pending: 'Withdrawal pending',
};

/**
 * How many states are bound: counted from the record where it names them all (so the as-of
 * board counts as it stood then), else the sheet's count.
 */
function partiesOf(summary: PartySummary): number {
  const bound = (summary.byStanding.ratified ?? 0) + (summary.byStanding.suspended ?? 0) + (summary.byStanding.withdrawal_pending ?? 0);
  return summary.complete ? bound : (summary.counts?.parties ?? bound);
}

/**
 * A multilateral treaty's party summary in words, for a card: "In force · 32 parties · US and
 * Russia withdrew", "Signed, not in force · 9 of 44 Annex 2 ratifications missing".
 */
export function partySummaryWords(treaty: Treaty): PartySummaryWords | undefined {
  const summary = treaty.partySummary;
  if (!summary) return undefined;
  const parts = [STATUS_PHRASE[treaty.status] ?? ''];
  const holdouts = summary.groups.filter((g) => g.missing.length > 0);
  if (treaty.status === 'signed' && holdouts.length > 0) {
    for (const group of holdouts) parts.push(`${group.missing.length} of ${group.size} ${group.name} ratifications missing`);
  } else {
    const parties = partiesOf(summary);
    if (parties > 0) parts.push(`${parties} ${parties === 1 ? 'party' : 'parties'}`);
    const suspended = summary.byStanding.suspended ?? 0;
    if (suspended > 0) parts.push(`${suspended} suspended`);
  }
  const pending = summary.byStanding.withdrawal_pending ?? 0;
  if (pending > 0) parts.push(`${pending} gave notice of withdrawal`);
  if (summary.withdrawn.length > 0) parts.push(`${listOfNames(summary.withdrawn.map(shortCountryName))} withdrew`);
  const text = parts.filter(Boolean).join(' · ');
  return summary.counts?.uncertain
    ? { text, uncertain: summary.counts.note ?? 'This count is derived, not stated by a source.' }
    : { text };
}

/** "Egypt: Ratified", for the card that a party move just changed. */
export function partyMoveWords(move: { code: string; action: PartyAction }): string {
  return `${countryName(move.code)}: ${PARTY_ACTION_LABELS[move.action]}`;
}
