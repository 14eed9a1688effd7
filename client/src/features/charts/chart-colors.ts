import type { DisplayStatus } from '@treaty-watch/shared';

/** The board's Okabe–Ito colours, for SVG fills that CSS variables cannot reach in every browser. */
export const STATUS_COLOR: Record<DisplayStatus, string> = {
  in_force: '#009e73',
  expiring: '#e69f00',
  signed: '#56b4e9',
  negotiating: '#f0e442',
  suspended: '#d55e00',
  withdrawal_pending: '#cc79a7',
  abandoned: '#9a9a9a',
  expired: '#0072b2',
};

export const AXIS = { stroke: '#b7c0c7', tick: { fill: '#d9dee2' } };
export const TOOLTIP = {
  contentStyle: { background: '#1b2127', border: '1px solid #3a444d', color: '#f2f4f5' },
  labelStyle: { color: '#f2f4f5' },
};
