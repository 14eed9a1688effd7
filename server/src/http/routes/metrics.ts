import { Router } from 'express';
import type { Metrics } from '../../metrics';

/** Prometheus scrapes this; it says nothing a viewer could not see on the board. */
export function metricsRoutes(metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', metrics.serve);
  return router;
}
