import type { ApiRoute } from '../api-route';
import { ACCESS_ROUTES } from './access';
import { ALERT_ROUTES } from './alerts';
import { DOCS_ROUTES } from './docs';
import { FEED_ROUTES } from './feeds';
import { HEALTH_ROUTES } from './health';
import { PARTY_ROUTES } from './parties';
import { SCHEDULED_ROUTES } from './scheduled';
import { STREAM_ROUTES } from './stream';
import { TREATY_ROUTES } from './treaties';
import { UPDATE_ROUTES } from './updates';
import { WEBHOOK_ROUTES } from './webhooks';

/** Every route the server answers, by area, as the OpenAPI document lists it; a test checks them against the server. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...TREATY_ROUTES,
  ...PARTY_ROUTES,
  ...UPDATE_ROUTES,
  ...STREAM_ROUTES,
  ...SCHEDULED_ROUTES,
  ...ACCESS_ROUTES,
  ...WEBHOOK_ROUTES,
  ...ALERT_ROUTES,
  ...DOCS_ROUTES,
  ...FEED_ROUTES,
  ...HEALTH_ROUTES,
];
