import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import type { Store } from '../../server/src/store/store';
import { tempDir } from '../support/temp-dir';
import { useServer } from '../support/use-server';

const data = tempDir('catch-up');
// Registered before the server's own hooks, so it runs after the server has closed.
afterAll(() => data.remove());
let failing = false;

/** The real store, except that reading the board fails while `failing` is set. */
function flaky(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'listTreaties') return () => (failing ? Promise.reject(new Error('the board could not be read')) : target.listTreaties());
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const board = useServer({ dataDir: data.dir, store: () => flaky(openSqliteStore(data.dir)) });

describe('a dashboard that cannot be brought up to date', () => {
  it('is dropped at the transport, so it reconnects by itself and gets the board once it can be read', async () => {
    failing = true;
    const dashboard = board.connect({ reconnection: true });
    const reasons: string[] = [];
    dashboard.socket.on('disconnect', (reason) => reasons.push(reason));
    await dashboard.until(() => reasons.length >= 1, 5000, 'the first failed catch-up to drop it');
    // Not "io server disconnect", after which a client never reconnects by itself.
    expect(reasons[0]).toBe('transport close');
    expect(dashboard.snapshots).toHaveLength(0);
    failing = false;
    await dashboard.until(() => dashboard.snapshots.length === 1, 5000, 'the snapshot after reconnecting');
    expect(dashboard.snapshots[0]?.treaties).toHaveLength(10);
  });
});
