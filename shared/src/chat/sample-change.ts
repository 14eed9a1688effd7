import type { WebhookPayload } from '../webhook';

/**
 * What the admin page previews and "Send test" delivers: made up, and says so, so that nobody
 * in a channel takes it for news.
 */
export function samplePayload(at: string): WebhookPayload {
  return {
    type: 'update.posted',
    timestamp: at,
    data: {
      seq: 1,
      kind: 'update.posted',
      treaty: {
        id: 'sample-treaty',
        name: 'Sample Treaty on the Testing of Webhooks',
        shortName: 'Sample',
        parties: 'Test parties',
        category: 'confidence_building',
        status: 'in_force',
        statusSince: at,
        summary: 'A made-up treaty: this message tests a webhook.',
        sources: [],
        version: 2,
        updatedAt: at,
      },
      update: {
        id: 'sample-update',
        seq: 1,
        treatyId: 'sample-treaty',
        headline: 'Test message from Treaty Watch: this webhook works',
        status: 'in_force',
        previousStatus: 'signed',
        sourceUrl: 'https://example.org/treaty-watch/test',
        occurredAt: at,
        publishedAt: at,
        author: 'Treaty Watch',
        party: { code: 'FR', action: 'ratified' },
      },
    },
  };
}
