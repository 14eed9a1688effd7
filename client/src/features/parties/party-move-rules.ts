import { PARTY_TRANSITIONS, type PartyAction, type PartyState, type Standing } from '@treaty-watch/shared';
import { shortCountryName } from '../../lib/party-summary-words';

/** The actions a state can take now; a state the record does not name has not signed. */
export function actionsFor(states: readonly Pick<PartyState, 'code' | 'standing'>[], code: string): readonly PartyAction[] {
  if (!code) return [];
  const standing: Standing = states.find((s) => s.code === code)?.standing ?? 'not_signed';
  return PARTY_TRANSITIONS[standing];
}

/** How a headline says each act, in the present tense newsrooms use. */
const VERBS: Record<PartyAction, string> = {
  signed: 'signs',
  ratified: 'ratifies',
  acceded: 'accedes to',
  succeeded: 'succeeds to',
  ratification_revoked: 'revokes its ratification of',
  suspended: 'suspends',
  resumed: 'resumes',
  withdrawal_notified: 'gives notice of withdrawal from',
  withdrew: 'withdraws from',
};

/** "Egypt ratifies the CTBT": the headline a move is prefilled with. */
export function moveHeadline(code: string, action: PartyAction, treatyShortName: string): string {
  return `${shortCountryName(code)} ${VERBS[action]} the ${treatyShortName}`;
}
