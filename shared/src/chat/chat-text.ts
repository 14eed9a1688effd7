/**
 * Escaping and cutting text for chat messages. Each format escapes character by character, so a
 * cut between two characters never splits an escape: `&amp;` or `\*` arrives whole or not at all.
 */
export type Escape = (char: string) => string;

/** Slack mrkdwn: only these three are control characters; `<!channel>` and `<url|x>` need `<`. */
export const slackEscape: Escape = (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char);

const DISCORD_MARKDOWN = new Set(['\\', '*', '_', '~', '`', '|', '>', '<', '#', '-', '[', ']', '(', ')']);

/**
 * Discord markdown: a backslash makes any of these literal (`\[x\](y)` is no masked link, `\<@1>`
 * no mention). `@everyone` and `@here` are not markup, so a zero-width space after every `@`
 * breaks them; `allowed_mentions: { parse: [] }` stops any ping that got through regardless.
 */
export const discordEscape: Escape = (char) => (char === '@' ? '@\u200b' : DISCORD_MARKDOWN.has(char) ? `\\${char}` : char);

/**
 * Adaptive Card TextBlock markdown is a CommonMark subset, where a backslash makes ASCII
 * punctuation literal: emphasis, links, lists and the `{{DATE()}}` functions of the renderer.
 */
const TEAMS_MARKDOWN = new Set(['\\', '*', '_', '~', '`', '[', ']', '(', ')', '#', '>', '<', '-', '+', '!', '&', '{', '}', '|', '.']);
export const teamsEscape: Escape = (char) => (TEAMS_MARKDOWN.has(char) ? `\\${char}` : char);

/** Control characters and line breaks become spaces: a headline stays one line wherever it lands. */
const flatten = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

/** `text` escaped, at most `max` UTF-16 units (what the platforms' limits count, or more), cut with an ellipsis. */
export function fit(text: string, escape: Escape, max: number): string {
  const pieces = Array.from(flatten(text), escape);
  const whole = pieces.join('');
  if (whole.length <= max) return whole;
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length + 1 > max) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * A URL made safe to sit inside markup: characters that could close a Slack `<url|label>`, a
 * markdown `[label](url)` or start a mention are percent-encoded, which leaves the address the same.
 */
export function markupSafeUrl(url: string): string {
  return url
    .replace(/[<>|()[\]*_~`@\s"\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/&/g, '%26');
}
