import { STATUS_LABELS, type DisplayStatus } from '@treaty-watch/shared';
import { xml } from '../feeds/atom';
import { printable } from '../feeds/printable';

/**
 * The board's Okabe–Ito palette (client/src/styles/base.css), with the text colour that keeps
 * each at WCAG AA: black on all but the dark blue of `expired`, as on the board's status chips.
 */
const PALETTE: Record<DisplayStatus, { fill: string; text: string }> = {
  in_force: { fill: '#009e73', text: '#000' },
  expiring: { fill: '#e69f00', text: '#000' },
  signed: { fill: '#56b4e9', text: '#000' },
  negotiating: { fill: '#f0e442', text: '#000' },
  suspended: { fill: '#d55e00', text: '#000' },
  withdrawal_pending: { fill: '#cc79a7', text: '#000' },
  abandoned: { fill: '#9a9a9a', text: '#000' },
  expired: { fill: '#0072b2', text: '#fff' },
};

const NAME_FILL = '#242c34';
const FONT_SIZE = 11;
const PADDING = 6;
const HEIGHT = 20;

/*
 * Approximate advance widths of Verdana at 11px: the badge is sized from its text without a
 * font file, so a reader's fallback font may run a little wider or narrower.
 */
const NARROW = /[ijl.,:;'!|()[\]{}\s]/;
const SLIGHT = /[frt\-"/\\]/;
const WIDE = /[mwMW@%]/;
function charWidth(char: string): number {
  if (NARROW.test(char)) return 3.5;
  if (SLIGHT.test(char)) return 4.8;
  if (WIDE.test(char)) return 10.5;
  if (/[A-Z0-9#&]/.test(char)) return 7.5;
  return 6.8;
}
// Code points, not graphemes: each is measured on its own, and a widened estimate errs on the safe side.
// eslint-disable-next-line @typescript-eslint/no-misused-spread
export const textWidth = (text: string): number => Math.ceil([...text].reduce((sum, char) => sum + charWidth(char), 0));

/** "CTBT | signed, not in force": the name on grey, the status in words on its colour. */
export function statusBadge(shortName: string, status: DisplayStatus): string {
  const label = STATUS_LABELS[status].toLowerCase();
  const name = printable(shortName).replace(/\s+/g, ' ').trim();
  const left = textWidth(name) + 2 * PADDING;
  const right = textWidth(label) + 2 * PADDING;
  const width = left + right;
  const { fill, text } = PALETTE[status];
  const title = xml(`${name}: ${label}`);
  const baseline = Math.round(HEIGHT / 2 + FONT_SIZE * 0.35);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${title}">
  <title>${title}</title>
  <rect width="${left}" height="${HEIGHT}" fill="${NAME_FILL}"/>
  <rect x="${left}" width="${right}" height="${HEIGHT}" fill="${fill}"/>
  <g font-family="Verdana,'DejaVu Sans',sans-serif" font-size="${FONT_SIZE}" text-anchor="middle">
    <text x="${left / 2}" y="${baseline}" fill="#fff">${xml(name)}</text>
    <text x="${left + right / 2}" y="${baseline}" fill="${text}">${xml(label)}</text>
  </g>
</svg>
`;
}
