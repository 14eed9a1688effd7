export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the spaces between them, so a diff joins back to exactly the text it came from. */
const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** Past this many token pairs the table would cost more than a page should spend: say "replaced" instead. */
const MAX_CELLS = 4_000_000;

function merge(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * What changed from `before` to `after`, word by word (a longest common subsequence of words
 * and spaces). Joining the `same` and `removed` parts gives `before`; `same` and `added`, `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  if (start > 0) merge(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    if (midA.length) merge(parts, 'removed', midA.join(''));
    if (midB.length) merge(parts, 'added', midB.join(''));
  } else {
    // lengths[i][j]: the longest common run of midA from i and midB from j.
    const width = midB.length + 1;
    const lengths = new Uint32Array((midA.length + 1) * width);
    const at = (i: number, j: number) => lengths[i * width + j] ?? 0;
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lengths[i * width + j] = midA[i] === midB[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        merge(parts, 'same', midA[i] ?? '');
        i++;
        j++;
      } else if (i < midA.length && (j === midB.length || at(i + 1, j) >= at(i, j + 1))) {
        // Removed before added: "Yrok → York" reads as the old word struck, then the new one.
        merge(parts, 'removed', midA[i] ?? '');
        i++;
      } else {
        merge(parts, 'added', midB[j] ?? '');
        j++;
      }
    }
  }
  if (endA < a.length) merge(parts, 'same', a.slice(endA).join(''));
  return parts;
}
