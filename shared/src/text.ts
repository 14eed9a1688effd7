import { z } from 'zod';

/*
 * What an editor types is shown in feeds, calendars, wall screens and other systems. Control
 * characters mean nothing there and break some of them (a bare CR splits an iCalendar line for
 * a CR-splitting parser; XML 1.0 cannot carry most C0 characters at all), so text holding them
 * is refused. Lone surrogates and the noncharacters U+FFFE/U+FFFF are not text either; U+2028
 * and U+2029 are line breaks to many parsers.
 */
const NOT_TEXT = /[\p{Cs}\u2028\u2029\ufffe\uffff]/u;
const CONTROL = /\p{Cc}/u;
/** Free text keeps its line breaks and tabs, nothing else. */
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u;
/** What draws nothing: whitespace, zero-width characters, joiners, bidi controls, fillers. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Nothing a reader could see once the invisible characters are taken away. */
export const isBlank = (text: string): boolean => text.replace(INVISIBLE, '') === '';

const isLine = (text: string) => !CONTROL.test(text) && !NOT_TEXT.test(text);
const isFreeText = (text: string) => !CONTROL_BUT_LINES.test(text) && !NOT_TEXT.test(text);
const LINE = 'must not hold control characters or line breaks';
const FREE_TEXT = 'must not hold control characters other than line breaks and tabs';
const NOT_EMPTY = 'must not be empty';
const unixLines = (text: string) => text.replace(/\r\n?/g, '\n');

/** A name, a title, a headline: one line, trimmed, with something in it a reader can see. */
export function lineSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, NOT_EMPTY)
    .max(max)
    .refine(isLine, LINE)
    .refine((text) => text === '' || !isBlank(text), NOT_EMPTY);
}

/** One line that may be left empty, such as a unit or a description. */
export function optionalLineSchema(max: number) {
  return z.string().trim().max(max).refine(isLine, LINE);
}

/** Free text such as an update's body: line breaks (CRLF and CR become LF) and tabs kept. */
export function freeTextSchema(max: number) {
  return z.string().overwrite(unixLines).max(max).refine(isFreeText, FREE_TEXT);
}

/** Free text that must say something a reader can see, such as why an update is retracted. */
export function requiredFreeTextSchema(max: number, empty = NOT_EMPTY) {
  return z
    .string()
    .overwrite(unixLines)
    .trim()
    .min(1, empty)
    .max(max)
    .refine(isFreeText, FREE_TEXT)
    .refine((text) => text === '' || !isBlank(text), empty);
}
