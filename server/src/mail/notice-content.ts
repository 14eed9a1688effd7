import type { Cadence } from '@treaty-watch/shared';
import type { MailContent } from './mail-message';
import { html, link } from './mail-text';

/** What was asked for, in words, so the reader knows what they are confirming. */
function what(treaties: readonly string[] | undefined, cadence: Cadence, hour: number | undefined): string {
  const which = treaties ? `these treaties: ${treaties.join(', ')}` : 'every treaty';
  const when = cadence === 'daily' ? `one digest a day at ${String(hour ?? 0).padStart(2, '0')}:00 UTC` : 'a message for each change';
  return `Alerts for ${which}, ${when}.`;
}

/** The only message sent before the address is confirmed. */
export function confirmContent(
  confirmUrl: string,
  treaties: readonly string[] | undefined,
  cadence: Cadence,
  hour: number | undefined,
): MailContent {
  const asked = what(treaties, cadence, hour);
  const ignore = 'If you did not ask for this, ignore this message: nothing more will be sent, and the address is deleted within a week.';
  return {
    subject: 'Confirm your Treaty Watch alerts',
    text: ['Someone, probably you, asked for Treaty Watch alerts at this address.', asked, `To start them, confirm: ${confirmUrl}`, ignore],
    html: [
      `<p>Someone, probably you, asked for Treaty Watch alerts at this address.</p>`,
      `<p>${html(asked)}</p>`,
      `<p style="font-size:18px">${link(confirmUrl, 'Confirm and start the alerts')}</p>`,
      `<p>${html(ignore)}</p>`,
    ],
  };
}

/** Someone asked again for an address already confirmed: no second subscription, and no telling the asker. */
export function alreadySubscribedContent(manageUrl: string): MailContent {
  const line = 'Someone asked to subscribe this address to Treaty Watch alerts, but it is already subscribed. Nothing was changed.';
  return {
    subject: 'You already get Treaty Watch alerts',
    text: [line, `To change what you get, or to unsubscribe: ${manageUrl}`],
    html: [`<p>${html(line)}</p>`, `<p>${link(manageUrl, 'Change what you get, or unsubscribe')}</p>`],
  };
}
