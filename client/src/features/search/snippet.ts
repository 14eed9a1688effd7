import type { SearchMark } from '@treaty-watch/shared';

/** How much of a long body a result shows around its first match. */
const BEFORE = 80;
const LENGTH = 280;

/**
 * The part of `text` worth showing in a result: all of it when short, else a window from just
 * before the first mark, with ellipses where it was cut and the marks moved to match.
 */
export function snippet(text: string, marks: readonly SearchMark[]): { text: string; marks: SearchMark[] } {
  if (text.length <= LENGTH) return { text, marks: [...marks] };
  const from = Math.max(0, Math.min((marks[0]?.start ?? 0) - BEFORE, text.length - LENGTH));
  const to = Math.min(text.length, from + LENGTH);
  const lead = from > 0 ? '…' : '';
  const shifted = marks
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + lead.length, end: m.end - from + lead.length }));
  return { text: `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`, marks: shifted };
}
