import { z } from 'zod';

export const STATUSES = ['negotiating', 'signed', 'in_force', 'suspended', 'withdrawal_pending', 'abandoned', 'expired'] as const;

export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** What a board shows: the stored status, or `expiring` for a treaty in force within a year of its end. */
export type DisplayStatus = Status | 'expiring';

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  negotiating: 'Negotiating',
  signed: 'Signed, not in force',
  in_force: 'In force',
  expiring: 'Expiring',
  suspended: 'Suspended',
  withdrawal_pending: 'Withdrawal pending',
  abandoned: 'Abandoned',
  expired: 'Expired',
};

/**
 * The allowed next statuses; any other is refused, with these listed. `abandoned` and `expired` are final:
 * a wrong one is undone by retracting the update that set it, never by a new status.
 */
export const STATUS_TRANSITIONS: Record<Status, readonly Status[]> = {
  negotiating: ['signed'],
  signed: ['in_force', 'abandoned'],
  in_force: ['suspended', 'withdrawal_pending', 'abandoned', 'expired'],
  suspended: ['in_force', 'withdrawal_pending', 'abandoned', 'expired'],
  withdrawal_pending: ['in_force', 'suspended', 'abandoned'],
  abandoned: [],
  expired: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}
