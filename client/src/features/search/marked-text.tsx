import type { SearchMark } from '@treaty-watch/shared';

/** Text with the stretches a search matched wrapped in <mark>: the text stays text, never markup. */
export function MarkedText({ text, marks }: { text: string; marks: readonly SearchMark[] }) {
  const parts: (string | React.JSX.Element)[] = [];
  let at = 0;
  for (const mark of marks) {
    // Marks come from the server: one out of order or out of range is skipped, not trusted.
    if (mark.start < at || mark.end > text.length || mark.end <= mark.start) continue;
    parts.push(text.slice(at, mark.start), <mark key={mark.start}>{text.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
