import { endOfDay } from '@treaty-watch/shared';
import { DomainError } from './errors';

/** `asOf` as a moment: a day means its end, or now when it is today; a moment still to come is refused. */
export function asOfMoment(asOf: string, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const at = asOf.length === 10 ? (asOf === today ? now.toISOString() : endOfDay(asOf)) : new Date(asOf).toISOString();
  if (at > now.toISOString()) {
    throw new DomainError('invalid_query', 'The board cannot be shown as of a moment still to come.', {
      errors: [{ field: 'asOf', message: 'must not be later than now' }],
    });
  }
  return at;
}
