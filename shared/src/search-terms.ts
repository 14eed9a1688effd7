/**
 * The one tokeniser search uses: both stores index the terms it makes and a query is cut into
 * terms the same way, so SQLite and PostgreSQL find the same updates; the client highlights with
 * it too. A term is a run of letters and digits, lower-cased, with diacritics removed ("Genève"
 * finds "geneve"). Whole words only: no stemming, no prefixes.
 */

/** Longer runs are not indexed (PostgreSQL refuses lexemes past 2 KB), and so never match. */
export const SEARCH_TERM_MAX = 100;

export interface TermAt {
  term: string;
  /** The run of `text` (UTF-16 offsets, end exclusive) the term was read from. */
  start: number;
  end: number;
}

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const PART = /[\p{L}\p{N}]+/gu;

/**
 * Letters SQLite's FTS5 (unicode61, from an older Unicode) takes for marks, which split a word;
 * they split it here too, so both stores hold the same terms.
 */
const FTS5_SEPARATORS = /[\u19b0-\u19c9\u1cf2\u1cf3]/g;

function fold(run: string): string {
  return (
    run
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(FTS5_SEPARATORS, ' ')
      // Final sigma is sigma: FTS5 folds it so, and a reader searching "σ" means both.
      .replaceAll('ς', 'σ')
  );
}

/** Every term of `text` with where it stands, in order, repeats included. */
export function termsAt(text: string): TermAt[] {
  const found: TermAt[] = [];
  for (const run of text.matchAll(RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    for (const part of fold(run[0]).matchAll(PART)) {
      if (part[0].length <= SEARCH_TERM_MAX) found.push({ term: part[0], start, end });
    }
  }
  return found;
}

/** The distinct terms of `text`, in the order they first appear. */
export function searchTerms(text: string): string[] {
  return [...new Set(termsAt(text).map((t) => t.term))];
}

/** The stretches of `text` that hold one of `terms`: what a result highlights. */
export function marksOf(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const wanted = new Set(terms);
  const marks: { start: number; end: number }[] = [];
  for (const at of termsAt(text)) {
    // One run can fold into several terms ("½" is "1" and "2"); it is marked once.
    if (wanted.has(at.term) && marks.at(-1)?.start !== at.start) marks.push({ start: at.start, end: at.end });
  }
  return marks;
}
