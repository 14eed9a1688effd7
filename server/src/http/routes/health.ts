import { Router } from 'express';
import type { Ready } from '@treaty-watch/shared';
import type { Cluster } from '../../realtime/cluster';
import type { Store } from '../../store/store';
import { HttpProblem, problems } from '../problem';

/** Liveness (the process answers) and readiness (it can reach what it needs). */
export function healthRoutes(store: Store, cluster: Cluster | undefined): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await store.currentSeq();
    } catch {
      throw new HttpProblem(problems.notReady(`The ${store.kind} database does not answer.`));
    }
    if (cluster) {
      try {
        await cluster.ping();
      } catch {
        throw new HttpProblem(problems.notReady('Redis does not answer: changes would not reach the other processes.'));
      }
    }
    const ready: Ready = { status: 'ready', store: store.kind, ...(cluster ? { redis: true } : {}) };
    res.json(ready);
  });
  return router;
}
