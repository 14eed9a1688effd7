import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeTextSchema, httpUrlSchema, isBlank, lineSchema, webhookUrlSchema } from '@treaty-watch/shared';
import { formatValidator } from '../support/openapi-conformance';

// The same validator, with the same formats, as the response-conformance test checks answers with.
const ajv = formatValidator();
const isUri = ajv.compile({ type: 'string', format: 'uri' });

/** Any character at all, lone surrogates and controls included, weighted towards the awkward ones. */
const anyChar = fc.oneof(
  fc.constantFrom(
    ' ',
    '"',
    "'",
    '<',
    '>',
    '|',
    '^',
    '`',
    '{',
    '}',
    '[',
    ']',
    '\\',
    '%',
    '#',
    '?',
    '@',
    ':',
    '\r',
    '\n',
    '\t',
    '\u0000',
    '\u007f',
    '\u0085',
    '\u2028',
    '\ud800',
    '\ufffe',
    'é',
    '😀',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 1 }),
);
const noise = fc.array(anyChar, { maxLength: 12 }).map((chars) => chars.join(''));
/** A URL as someone might paste it: a valid one with anything inserted after the host. */
const typedUrl = fc.tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), noise, noise).map(([url, a, b]) => {
  const afterHost = url.indexOf('/', url.indexOf('//') + 2);
  const cut = afterHost === -1 ? url.length : afterHost + 1;
  return `${url.slice(0, cut)}${a}${url.slice(cut)}${b}`;
});

describe('every URL the API accepts is stored as an RFC 3986 URI', () => {
  it.each([
    ['a source URL', httpUrlSchema],
    ['a webhook URL', webhookUrlSchema],
  ])('%s', (_name, schema) => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          typedUrl,
          fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `https://example.org/${s}`),
        ),
        (typed) => {
          const result = schema.safeParse(typed);
          if (!result.success) return;
          accepted += 1;
          expect(isUri(result.data), result.data).toBe(true);
          expect(result.data).toMatch(/^https?:\/\//);
          // Stored once, the same again: a correction that sends it back changes nothing.
          expect(schema.parse(result.data)).toBe(result.data);
        },
      ),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('every text the API accepts is printable', () => {
  it('a one-line field never holds a control character, a line break or nothing visible', () => {
    const schema = lineSchema(200);
    fc.assert(
      fc.property(noise, noise, (a, b) => {
        const result = schema.safeParse(`${a}${b}`);
        if (!result.success) return;
        expect(result.data).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029\ufffe\uffff]/u);
        expect(isBlank(result.data)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('free text keeps only LF and tab of the control characters', () => {
    const schema = freeTextSchema(5000);
    fc.assert(
      fc.property(noise, (text) => {
        const result = schema.safeParse(text);
        if (result.success) expect(result.data).not.toMatch(/[^\P{Cc}\n\t]|[\p{Cs}\u2028\u2029\ufffe\uffff]/u);
      }),
      { numRuns: 2000 },
    );
  });
});
