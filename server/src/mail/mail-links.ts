import { newSubscriptionToken } from '../services/subscription-token';
import type { SubscriptionTx } from '../store/subscription-store';
import type { MailLinks } from './mail-message';

/**
 * The pages a message links to carry the token in the fragment, which browsers never send to
 * the server or to anyone in a Referer; the one-click address a mail client POSTs to has to
 * carry it in the query.
 */
export const manageUrl = (publicUrl: string, token: string) => `${publicUrl}/subscription#token=${token}`;
export const confirmUrl = (publicUrl: string, token: string) => `${publicUrl}/subscribe/confirm#token=${token}`;
export const oneClickUrl = (publicUrl: string, token: string) => `${publicUrl}/api/subscriptions/unsubscribe?token=${token}`;

/** A fresh manage token for one message, its hash stored: the message's links act for this subscription only. */
export async function mintLinks(tx: SubscriptionTx, subscriptionId: string, publicUrl: string, at: string): Promise<MailLinks> {
  const { token, hash } = newSubscriptionToken();
  await tx.addToken(hash, subscriptionId, 'manage', at);
  return { oneClick: oneClickUrl(publicUrl, token), manage: manageUrl(publicUrl, token) };
}

/** The confirmation link; an earlier one stops working, so only the latest message confirms. */
export async function mintConfirmUrl(tx: SubscriptionTx, subscriptionId: string, publicUrl: string, at: string): Promise<string> {
  const { token, hash } = newSubscriptionToken();
  await tx.dropTokens(subscriptionId, 'confirm');
  await tx.addToken(hash, subscriptionId, 'confirm', at);
  return confirmUrl(publicUrl, token);
}
