import { z } from 'zod';
import { isCountryCode } from './countries';
import { vocabulary } from './vocabulary';

/** Where a state stands in one treaty. `ratified` covers ratified, acceded and succeeded: bound once in force. */
export const {
  words: STANDINGS,
  schema: standingSchema,
  labels: STANDING_LABELS,
} = vocabulary({
  not_signed: 'Not signed',
  signed: 'Signed',
  ratified: 'Ratified',
  suspended: 'Suspended',
  withdrawal_pending: 'Withdrawal pending',
  withdrawn: 'Withdrawn',
});
export type Standing = z.infer<typeof standingSchema>;

/** The dated acts a state's history is made of. */
export const {
  words: PARTY_ACTIONS,
  schema: partyActionSchema,
  labels: PARTY_ACTION_LABELS,
} = vocabulary({
  signed: 'Signed',
  ratified: 'Ratified',
  acceded: 'Acceded',
  succeeded: 'Succeeded',
  ratification_revoked: 'Revoked its ratification',
  suspended: 'Suspended',
  resumed: 'Resumed',
  withdrawal_notified: 'Gave notice of withdrawal',
  withdrew: 'Withdrew',
});
export type PartyAction = z.infer<typeof partyActionSchema>;

/** The standing an action leaves a state in (Russia's revocation of the CTBT left it a signatory). */
export const ACTION_STANDING: Record<PartyAction, Standing> = {
  signed: 'signed',
  ratified: 'ratified',
  acceded: 'ratified',
  succeeded: 'ratified',
  ratification_revoked: 'signed',
  suspended: 'suspended',
  resumed: 'ratified',
  withdrawal_notified: 'withdrawal_pending',
  withdrew: 'withdrawn',
};

/**
 * The actions a state in each standing can take; anything else is refused (409 with these).
 * A state outside joins by signature, accession or succession; a signatory ratifies; a party
 * may revoke, suspend, give notice or leave (some treaties allow leaving without notice); a
 * state that left may accede again.
 */
export const PARTY_TRANSITIONS: Record<Standing, readonly PartyAction[]> = {
  not_signed: ['signed', 'acceded', 'succeeded'],
  signed: ['ratified'],
  ratified: ['ratification_revoked', 'suspended', 'withdrawal_notified', 'withdrew'],
  suspended: ['resumed', 'withdrawal_notified', 'withdrew'],
  withdrawal_pending: ['resumed', 'withdrew'],
  withdrawn: ['acceded'],
};

export function canTakeAction(from: Standing, action: PartyAction): boolean {
  return PARTY_TRANSITIONS[from].includes(action);
}

/** ISO 3166-1 alpha-2, upper or lower case on the way in, upper case inside. */
export const countryCodeSchema = z
  .string()
  .max(2, 'must be an ISO 3166-1 alpha-2 code such as EG')
  .transform((code) => code.toUpperCase())
  .refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 code such as EG' });

/** The state an update moves, and how: the `party` field of a posted update. */
export const partyMoveSchema = z.strictObject({
  code: countryCodeSchema,
  action: partyActionSchema,
});
export type PartyMove = z.infer<typeof partyMoveSchema>;
