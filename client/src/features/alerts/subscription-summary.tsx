import type { Subscription } from '@treaty-watch/shared';

/** What a subscription gets, in words. */
export function SubscriptionSummary({ subscription }: { subscription: Subscription }) {
  const which = subscription.treaties ? subscription.treaties.join(', ') : 'every treaty';
  const when =
    subscription.cadence === 'daily'
      ? `a digest every day at ${String(subscription.hour ?? 0).padStart(2, '0')}:00 UTC`
      : 'a message for each change';
  return (
    <p className="subscription-summary">
      <strong>{subscription.email}</strong> gets {when}, for {which}.
    </p>
  );
}
