import { STATUS_LABELS, summariseChange, type Change, type ChangeKind } from '@treaty-watch/shared';
import type { MailContent } from './mail-message';
import { html, link, mailBody, mailLine } from './mail-text';

/**
 * What readers are mailed: new updates, corrections (a reader who was told something must hear
 * it was put right), retractions (as notices, with the reason) and expiries. Treaties added or
 * edited by the admin are board housekeeping, not news. Embargoed updates reach the log only
 * when they are published, so nothing here can mail one early.
 */
export const MAILED_KINDS: ReadonlySet<ChangeKind> = new Set(['update.posted', 'update.corrected', 'update.retracted', 'treaty.expired']);

export const isMailed = (change: Change): boolean => MAILED_KINDS.has(change.kind);

/** Whether a subscription that follows `treaties` (all when absent) gets this change. */
export const follows = (treaties: readonly string[] | undefined, change: Change): boolean =>
  !treaties || treaties.includes(change.treaty.id);

interface ChangeBlock {
  text: string;
  html: string;
}

/** One change in words, plain and HTML: what happened, to which treaty, the body, the source, the treaty page. */
export function changeBlock(change: Change, publicUrl: string): ChangeBlock {
  const summary = summariseChange(change, publicUrl, change.update?.occurredAt ?? change.treaty.updatedAt);
  const headline = mailLine(summary.headline, 400);
  const facts = [
    `${summary.what} · ${mailLine(summary.treatyName)} · now ${STATUS_LABELS[summary.status]}`,
    ...(summary.statusMove ? [`Status: ${summary.statusMove}`] : []),
    ...(summary.partyMove ? [mailLine(summary.partyMove)] : []),
    `Occurred: ${summary.at.slice(0, 10)}`,
  ];
  const body = change.update?.body && change.kind !== 'update.retracted' ? mailBody(change.update.body) : undefined;
  const text = [
    headline,
    ...facts,
    ...(body ? ['', body] : []),
    '',
    ...(summary.sourceUrl ? [`Source: ${summary.sourceUrl}`] : []),
    `On the board: ${summary.treatyUrl}`,
  ].join('\n');
  const markup = [
    `<h2 style="font-size:18px;margin:1em 0 .25em">${html(headline)}</h2>`,
    `<p style="margin:0;color:#333">${facts.map(html).join('<br>')}</p>`,
    ...(body ? [`<p>${html(body)}</p>`] : []),
    `<p>${[...(summary.sourceUrl ? [link(summary.sourceUrl, 'Source')] : []), link(summary.treatyUrl, `${mailLine(summary.treatyShortName, 60)} on the board`)].join(' · ')}</p>`,
  ].join('\n');
  return { text, html: markup };
}

const SUBJECT_PREFIX: Partial<Record<ChangeKind, string>> = { 'update.corrected': 'Correction: ', 'update.retracted': 'Retracted: ' };

/** A message of its own for one change (immediate alerts). */
export function changeContent(change: Change, publicUrl: string): MailContent {
  const headline = change.update?.headline ?? (change.kind === 'treaty.expired' ? `${change.treaty.name} has expired` : change.treaty.name);
  const block = changeBlock(change, publicUrl);
  return {
    subject: mailLine(`${change.treaty.shortName}: ${SUBJECT_PREFIX[change.kind] ?? ''}${headline}`, 150),
    text: [block.text],
    html: [block.html],
  };
}

/** Past this, a digest lists how many more there were and links to the board. */
export const DIGEST_MAX = 100;

/** The day's changes in one message (daily digests), oldest first. */
export function digestContent(changes: readonly Change[], more: number, publicUrl: string, day: string): MailContent {
  const blocks = changes.map((change) => changeBlock(change, publicUrl));
  const count = changes.length + more;
  const intro = `${count} ${count === 1 ? 'change' : 'changes'} on Treaty Watch since the last digest.`;
  const rest = more > 0 ? [`And ${more} more: ${publicUrl}/`] : [];
  return {
    subject: mailLine(`Treaty Watch digest, ${day}: ${count} ${count === 1 ? 'change' : 'changes'}`),
    text: [intro, ...blocks.map((block) => block.text), ...rest],
    html: [
      `<p>${html(intro)}</p>`,
      ...blocks.map((block) => block.html),
      ...(more > 0 ? [`<p>${link(`${publicUrl}/`, `And ${more} more on the board`)}</p>`] : []),
    ],
  };
}
