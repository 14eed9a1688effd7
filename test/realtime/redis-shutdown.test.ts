import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/in-process-server';
import { forgetKeys, REDIS_URL } from '../support/redis';

if (!REDIS_URL)
  process.stdout.write('Closing a Redis-backed server: skipped, set REDIS_URL (e.g. redis://127.0.0.1:6379) to run it; CI sets it.\n');

describe.skipIf(!REDIS_URL)('a Redis-backed server closed as soon as it has started', () => {
  const stream = `test-shutdown-${randomBytes(4).toString('hex')}`;
  afterAll(() => forgetKeys(stream));

  it('closes without leaving a rejection nobody handles, as a quick restart in a deploy does', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      for (let i = 0; i < 3; i++) {
        const server = await startServer({ redis: { url: REDIS_URL ?? '', stream } });
        await server.close();
      }
      // A rejection counts as unhandled once the microtasks after it have run.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled.map(String)).toEqual([]);
  });
});
