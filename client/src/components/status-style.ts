import type { DisplayStatus } from '@treaty-watch/shared';

/**
 * The Okabe–Ito colour-blind-safe palette, one colour per status, always with its word and a
 * shape of its own: status is never colour alone. Board order: what is alive first.
 */
export const STATUS_ORDER: readonly DisplayStatus[] = [
  'expiring',
  'in_force',
  'withdrawal_pending',
  'suspended',
  'signed',
  'negotiating',
  'abandoned',
  'expired',
];

export type StatusShape = 'circle' | 'hourglass' | 'diamond' | 'triangle' | 'pause' | 'exit' | 'cross' | 'square';

export const STATUS_SHAPE: Record<DisplayStatus, StatusShape> = {
  in_force: 'circle',
  expiring: 'hourglass',
  signed: 'diamond',
  negotiating: 'triangle',
  suspended: 'pause',
  withdrawal_pending: 'exit',
  abandoned: 'cross',
  expired: 'square',
};
