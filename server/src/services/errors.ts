import type { FieldError, PartyAction, Status } from '@treaty-watch/shared';

/** A rule the request broke. The HTTP edge turns it into a problem; services never speak HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code:
      'not_found' | 'invalid' | 'invalid_query' | 'invalid_transition' | 'conflict' | 'forbidden' | 'unprocessable' | 'invalid_party_move',
    message: string,
    readonly details: { errors?: FieldError[]; allowed?: readonly Status[]; allowedActions?: readonly PartyAction[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
