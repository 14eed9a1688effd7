import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchTerms } from '@treaty-watch/shared';

/**
 * PostgreSQL's index holds exactly the terms `searchTerms` cuts; SQLite's FTS5 tokenises them once
 * more. Were its tokeniser to split or fold any of them differently, the stores would disagree.
 */
describe("FTS5's tokeniser", () => {
  it('keeps every term searchTerms makes, for every letter and digit in Unicode', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
    );
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    const ours = new Map<number, string>();
    db.transaction(() => {
      for (let code = 0x30; code < 0x30000; code++) {
        const terms = searchTerms(String.fromCodePoint(code)).join(' ');
        if (!terms) continue;
        ours.set(code, terms);
        insert.run(code, terms);
      }
    })();
    const theirs = new Map<number, string[]>();
    for (const row of db.prepare('SELECT doc, term FROM v ORDER BY doc, offset').all() as { doc: number; term: string }[]) {
      theirs.set(row.doc, [...(theirs.get(row.doc) ?? []), row.term]);
    }
    const differ = [...ours]
      .filter(([code, terms]) => (theirs.get(code) ?? []).join(' ') !== terms)
      .map(([code]) => `U+${code.toString(16)}`);
    expect(ours.size).toBeGreaterThan(100_000);
    expect(differ).toEqual([]);
    db.close();
  });
});
