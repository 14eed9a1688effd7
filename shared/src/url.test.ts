import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isHttpUri, shownUrl, storedUrlSchema } from './url';

const schema = storedUrlSchema({ hostname: z.regexes.domain });
const stored = (url: string) => schema.parse(url);

describe('storedUrlSchema', () => {
  it('stores a URL with spaces, quotes and angle brackets percent-encoded', () => {
    expect(stored('https://example.org/review conference')).toBe('https://example.org/review%20conference');
    expect(stored('https://example.org/a"b<c>d?q="x" y#frag ment')).toBe('https://example.org/a%22b%3Cc%3Ed?q=%22x%22%20y#frag%20ment');
  });

  it('encodes what the URL parser lets through but RFC 3986 does not', () => {
    expect(stored('https://example.org/a|b^c`d{e}[f]?q=|^[]{}#a#b')).toBe(
      'https://example.org/a%7Cb%5Ec%60d%7Be%7D%5Bf%5D?q=%7C%5E%5B%5D%7B%7D#a%23b',
    );
    expect(stored('https://example.org/100%/x%4')).toBe('https://example.org/100%25/x%254');
    expect(stored('https://example.org/%41ok')).toBe('https://example.org/%41ok');
  });

  it('normalises scheme, host, default port and non-ASCII text', () => {
    expect(stored('HTTPS://Example.ORG:443/Über?ä=1#ö')).toBe('https://example.org/%C3%9Cber?%C3%A4=1#%C3%B6');
    expect(stored('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
  });

  it.each([
    ['a tab', 'https://example.org/a\tb'],
    ['a line break in the host', 'https://exa\nmple.org/'],
    ['a bare CR', 'https://example.org/\r'],
    ['a NUL', 'https://example.org/\u0000'],
    ['DEL', 'https://example.org/\u007f'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp', 'ftp://example.org/'],
    ['no scheme', 'example.org/page'],
  ])('refuses a URL with %s', (_name, url) => {
    expect(schema.safeParse(url).success).toBe(false);
  });

  it('refuses a host that cannot be written as a URI', () => {
    expect(storedUrlSchema().safeParse('http://a"b.org/').success).toBe(false);
    expect(storedUrlSchema().safeParse('http://u:p%@example.org/').success).toBe(false);
  });

  it('gives one message for a string that is not a URL at all', () => {
    expect(schema.safeParse('not a url').error?.issues.map((i) => i.message)).toEqual(['must be an http or https URL']);
  });
});

describe('shownUrl', () => {
  it('makes a URL stored before these rules fit to show, or gives nothing', () => {
    expect(shownUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(shownUrl('http://a"b.org/')).toBeUndefined();
    expect(shownUrl('no url')).toBeUndefined();
    expect(shownUrl(undefined)).toBeUndefined();
  });

  it('only ever gives an RFC 3986 URI', () => {
    expect(isHttpUri('https://example.org/a b')).toBe(false);
    expect(isHttpUri('https://example.org/a%20b?x=1#y')).toBe(true);
  });
});
