import type { Status } from '@treaty-watch/shared';

/**
 * The fact sheet's free-text `status_after`, read on the board's vocabulary exactly as
 * facts/README.md tables it. A row that maps to the status the treaty already has is no change.
 */
export function boardStatusOf(statusAfter: string | null): Status | undefined {
  if (statusAfter === null) return undefined;
  const text = statusAfter.toLowerCase();
  if (text === 'adopted') return 'negotiating';
  if (text.startsWith('signed') || text.startsWith('open for signature')) return 'signed';
  if (text.startsWith('not in force')) return 'signed';
  if (text.startsWith('russia out')) return 'in_force';
  if (text === 'suspended') return 'suspended';
  if (text === 'suspended by us' || text === 'suspended by both') return 'withdrawal_pending';
  if (text.startsWith('terminated')) return 'abandoned';
  if (text.startsWith('expired') || text === 'superseded') return 'expired';
  if (text.startsWith('in force')) return 'in_force';
  throw new Error(`facts.json has a status_after the board cannot read: "${statusAfter}"`);
}
