import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server';

const board = useServer();

/** What a reader might type, and what an attacker would: FTS and tsquery syntax, controls, any Unicode. */
const q = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        '*',
        'NEAR(',
        ')',
        'AND',
        'OR',
        'NOT',
        '-',
        ':',
        '^',
        '(',
        "'",
        '\\',
        '&',
        '|',
        '!',
        '<->',
        ':*',
        '\u0000',
        ' ',
        'kaliningrad',
        'treaty',
        'é',
        '½',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 1200 }),
);
const params = fc.record(
  {
    q,
    treaty: fc.oneof(fc.constantFrom('inf', 'new-start', 'nope'), fc.string({ maxLength: 20 })),
    limit: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.string({ maxLength: 5 })),
    before: fc.oneof(
      fc.constantFrom('2020-10-26T00:00:00.000Z~5~seed-inf-01', '9999-12-31T23:59:59.999Z~0~x'),
      fc.string({ maxLength: 60 }),
    ),
  },
  { requiredKeys: ['q'] },
);

describe('GET /api/search with any query', () => {
  it('answers 200 or 400, never a 5xx, for readers and editors alike', { timeout: 120_000 }, async () => {
    const seq = await board.server.app.store.currentSeq();
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), async (query, editor) => {
        const response = await board.api.get(`/api/search?${new URLSearchParams(query)}`, editor ? {} : { token: null });
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 300 },
    );
    expect(await board.server.app.store.currentSeq()).toBe(seq);
  });
});
