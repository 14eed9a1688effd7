import type { FieldError, Status } from '@treaty-watch/shared';

/** A rule the request broke. The HTTP edge turns it into a problem; services never speak HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code:
      | 'not_found'
      | 'invalid'
      | 'invalid_query'
      | 'invalid_transition'
      | 'conflict'
      | 'forbidden'
      | 'unprocessable',
    message: string,
    readonly details: { errors?: FieldError[]; allowed?: readonly Status[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
