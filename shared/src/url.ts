import { z } from 'zod';

/*
 * RFC 3986, the `format: uri` the OpenAPI document promises. The WHATWG parser behind
 * `new URL` accepts far more (spaces, quotes, `|`, `^`, a lone `%`) and leaves some of it
 * as typed, so what it gives back is encoded further before it is stored or shown.
 */
const PCT = '%[0-9A-Fa-f]{2}';
const SUB_DELIMS = "!$&'()*+,;=";
const UNRESERVED = 'A-Za-z0-9\\-._~';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const HTTP_URI = new RegExp(
  `^https?://(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?` +
    `(?:\\[[0-9A-Fa-f:.]+\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)(?::\\d*)?` +
    `(?:/${PCHAR}*)*(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);

const URL_MAX = 2000;

/** An http(s) URI as RFC 3986 writes it. */
export const isHttpUri = (text: string): boolean => HTTP_URI.test(text);

const NOT_IN_URI = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g;
const encodeOutside = (part: string) => part.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(NOT_IN_URI, (c) => encodeURIComponent(c));

/**
 * The URL as `new URL` normalises it (lower-case scheme and host, punycode, default port
 * dropped), with whatever RFC 3986 does not allow after the host percent-encoded. Throws
 * when the parser refuses it.
 */
export function normaliseUrl(text: string): string {
  const url = new URL(text);
  const credentials = url.username || url.password ? `${url.username}${url.password && `:${url.password}`}@` : '';
  // An empty query or fragment (a bare `?` or `#`) is dropped.
  const fragment = url.hash && `#${encodeOutside(url.hash.slice(1))}`;
  return `${url.protocol}//${credentials}${url.host}${encodeOutside(url.pathname + url.search)}${fragment}`;
}

/** A stored URL made fit to show, or nothing when it cannot be (data from before these rules). */
export function shownUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = normaliseUrl(text);
    return isHttpUri(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A URL the API stores: http or https, no control characters (the parser would drop tabs and
 * line breaks without a word), kept in its normalised form so every answer holds a valid URI.
 * Requests are documented as the string they may send, answers as `format: uri`.
 */
export function storedUrlSchema(options: { hostname?: RegExp } = {}) {
  return z
    .string()
    .max(URL_MAX)
    .refine((text) => !/\p{Cc}/u.test(text), { error: 'must not hold control characters', abort: true })
    .pipe(
      z
        .url({ protocol: /^https?$/, ...options, error: 'must be an http or https URL', abort: true })
        .overwrite((text) => {
          try {
            return normaliseUrl(text);
          } catch {
            return text;
          }
        })
        .refine(isHttpUri, 'must be a valid URI (RFC 3986)')
        .max(URL_MAX),
    );
}
