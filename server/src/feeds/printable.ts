/*
 * What no feed or calendar carries: control characters other than tab and line breaks, lone
 * surrogates, the noncharacters U+FFFE/U+FFFF. The write schemas refuse them, but a database
 * from before they did may still hold them, and a feed must stay valid for every reader.
 */
const UNPRINTABLE = /[^\P{Cc}\t\n\r]|[\p{Cs}\ufffe\uffff]/gu;

export const printable = (text: string): string => text.replace(UNPRINTABLE, '');
