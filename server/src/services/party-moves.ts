import { PARTY_ACTION_LABELS, type Treaty } from '@treaty-watch/shared';
import type { StoreTx } from '../store/store';
import { DomainError } from './errors';
import { refusalOf } from './party-fold';
import type { UpdateDraft } from './posted-entry';

/**
 * A posted update that moves a state must be a move the state's record allows where it takes
 * effect, and must leave every later move of that state possible. Refused, nothing is written.
 */
export async function assertPartyMove(tx: StoreTx, treaty: Treaty, fields: UpdateDraft): Promise<void> {
  const { party } = fields;
  if (!party) return;
  const candidate = {
    id: fields.id,
    seq: Number.MAX_SAFE_INTEGER,
    treatyId: fields.treatyId,
    headline: fields.headline,
    occurredAt: fields.occurredAt,
    publishedAt: fields.occurredAt,
    author: fields.author,
    party,
  };
  const refusal = refusalOf(await tx.treatyUpdates(fields.treatyId), candidate);
  if (!refusal) return;
  const action = PARTY_ACTION_LABELS[party.action].toLowerCase();
  if (refusal.at === 'now') {
    throw new DomainError(
      'invalid_party_move',
      `${party.code} is ${refusal.standing.replaceAll('_', ' ')} in ${treaty.shortName} and cannot have ${action} then.`,
      {
        allowedActions: refusal.allowed,
      },
    );
  }
  throw new DomainError(
    'invalid_party_move',
    `${party.code} ${action} in ${treaty.shortName} on ${fields.occurredAt.slice(0, 10)} contradicts its later record (update ${refusal.update.id} on ${refusal.update.occurredAt.slice(0, 10)}).`,
  );
}
