import { describe, expect, it } from 'vitest';
import { freeTextSchema, isBlank, lineSchema, optionalLineSchema, requiredFreeTextSchema } from './text';

/** Every character a one-line field refuses, by name. */
const NOT_IN_A_LINE: Record<string, string> = {
  NUL: '\u0000',
  'bare CR': '\r',
  LF: '\n',
  CRLF: '\r\n',
  tab: '\t',
  ESC: '\u001b',
  'vertical tab': '\u000b',
  DEL: '\u007f',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009b',
  'line separator': '\u2028',
  'paragraph separator': '\u2029',
  'lone high surrogate': '\ud800',
  'lone low surrogate': '\udc00',
  'noncharacter U+FFFE': '\ufffe',
};

/** Strings that draw nothing on a page. */
const INVISIBLE: Record<string, string> = {
  'zero-width space': '\u200b',
  'zero-width non-joiner and joiner': '\u200c\u200d',
  'word joiner': '\u2060',
  'byte order mark': '\ufeff',
  'bidi override and isolate': '\u202e\u2066\u2069',
  'left-to-right and right-to-left marks': '\u200e\u200f',
  'soft hyphen': '\u00ad',
  'Hangul filler': '\u3164',
  'braille blank': '\u2800',
  'no-break and ideographic spaces': '\u00a0\u3000',
  'a mix, padded': ' \u200b\u2060 \ufeff ',
};

describe('one-line text (names, titles, headlines)', () => {
  const schema = lineSchema(200);

  it.each(Object.entries(NOT_IN_A_LINE))('refuses %s inside the text', (_name, char) => {
    const result = schema.safeParse(`Review${char}Conference`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control characters/);
  });

  it.each(Object.entries(INVISIBLE))('refuses text that is only %s', (_name, text) => {
    const result = schema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must not be empty']);
  });

  it('keeps visible text with invisible characters inside it, and non-Latin scripts', () => {
    expect(schema.parse('  New\u200dSTART  ')).toBe('New\u200dSTART');
    expect(schema.parse('Договор СНВ-III 🇷🇺')).toBe('Договор СНВ-III 🇷🇺');
    expect(schema.parse('معاهدة')).toBe('معاهدة');
  });

  it('lets an optional line be empty but still refuses control characters', () => {
    expect(optionalLineSchema(60).parse('')).toBe('');
    expect(optionalLineSchema(60).safeParse('warheads\u0000').success).toBe(false);
  });
});

describe('free text (bodies, summaries)', () => {
  const schema = freeTextSchema(5000);

  it('keeps line breaks and tabs, writing CRLF and bare CR as LF', () => {
    expect(schema.parse('one\r\ntwo\rthree\n\tfour')).toBe('one\ntwo\nthree\n\tfour');
  });

  it.each(Object.entries(NOT_IN_A_LINE).filter(([name]) => !['bare CR', 'LF', 'CRLF', 'tab'].includes(name)))(
    'refuses %s',
    (_name, char) => {
      expect(schema.safeParse(`text${char}more`).success).toBe(false);
    },
  );

  it('refuses a required text that says nothing visible', () => {
    const reason = requiredFreeTextSchema(1000, 'say why');
    expect(reason.safeParse('\u200b\n\u2060\t').error?.issues.map((i) => i.message)).toEqual(['say why']);
    expect(reason.parse(' A hoax\r\n')).toBe('A hoax');
  });
});

describe('isBlank', () => {
  it('sees through every invisible character but no visible one', () => {
    for (const text of Object.values(INVISIBLE)) expect(isBlank(text)).toBe(true);
    for (const text of ['.', '-', '\u0301a', 'ー', '0']) expect(isBlank(text)).toBe(false);
  });
});
