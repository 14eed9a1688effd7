import { describe, expect, it } from 'vitest';
import { formatSearchCursor, searchCursorSchema, searchQuerySchema } from './search';
import { marksOf, SEARCH_TERM_MAX, searchTerms } from './search-terms';

describe('search terms', () => {
  it('are runs of letters and digits, lower-cased, without diacritics, each once', () => {
    expect(searchTerms('Genève: NEW-START "verification" in Kaliningrad, kaliningrad!')).toEqual([
      'geneve',
      'new',
      'start',
      'verification',
      'in',
      'kaliningrad',
    ]);
    expect(searchTerms('Ångström Łódź São 9M729')).toEqual(['angstrom', 'łodz', 'sao', '9m729']);
  });

  it('leave every syntax character out', () => {
    for (const q of ['"', '*', 'NEAR(', '()', '-', ':', '^', '\u0000', "'", '\\', '&|!<->', ' \t\n'])
      expect(searchTerms(q)).toEqual(q === 'NEAR(' ? ['near'] : []);
  });

  it('leave out runs too long to index', () => {
    expect(searchTerms(`a ${'x'.repeat(SEARCH_TERM_MAX + 1)} b`)).toEqual(['a', 'b']);
  });

  it('mark where the terms stand in the text as written', () => {
    const text = 'Offer on Kaliningrad; KALININGRAD again, Genève too';
    expect(marksOf(text, ['kaliningrad', 'geneve']).map((m) => text.slice(m.start, m.end))).toEqual([
      'Kaliningrad',
      'KALININGRAD',
      'Genève',
    ]);
  });
});

describe('the search query', () => {
  it('reads a cursor back as it was written', () => {
    const cursor = { occurredAt: '2020-10-26T00:00:00.000Z', seq: 42, id: 'seed-inf~odd-id' };
    expect(searchCursorSchema.parse(formatSearchCursor(cursor))).toEqual(cursor);
  });

  it('refuses a cursor that is not one, a limit out of bounds and a treaty that is not a slug', () => {
    for (const before of [
      '',
      'x',
      '2020-10-26~1~a',
      '2020-10-26T00:00:00.000Z~-1~a',
      '2020-10-26T00:00:00.000Z~1~',
      '2020-10-26T00:00:00.000Z~1~a\u0000',
    ]) {
      expect(searchCursorSchema.safeParse(before).success, before).toBe(false);
    }
    expect(searchQuerySchema.safeParse({ q: 'x', limit: '0' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'x', limit: '101' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'x', treaty: 'New START' }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: '"' })).toEqual({ q: '"', limit: 20 });
  });
});
