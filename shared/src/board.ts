import type { DisplayStatus } from './status';
import type { Treaty } from './treaty';
import { EXPIRING_WINDOW_MS } from './time';

/** `in_force` within a year of `expiresAt` reads as expiring, with its countdown. */
export function displayStatus(treaty: Treaty, now: number): DisplayStatus {
  if (treaty.status === 'in_force' && treaty.expiresAt) {
    const left = Date.parse(treaty.expiresAt) - now;
    if (left <= EXPIRING_WINDOW_MS) return 'expiring';
  }
  return treaty.status;
}
