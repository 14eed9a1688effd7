import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/src/store/store';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, sqliteTestStore, type TestStore, useStore } from '../support/stores';

const session = (hash: string, tokenId: string, lastSeenAt: string) => ({
  hash,
  tokenId,
  createdAt: '2026-12-01T08:00:00.000Z',
  lastSeenAt,
});

/** Browser sessions, the same on both stores, and shared by every process on one database. */
function contract(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`sessions in the ${name} store`, () => {
    const db = useStore(open);
    let second: Store;
    beforeAll(async () => {
      second = await db.handle.reopen();
    });
    // Registered after the store's own hooks: the second process closes first.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
    afterAll(() => second?.close());

    it('keeps a session another process on the same database finds, touches and forgets', async () => {
      await db.store.sessions.saveSession(session('h1', 'token-a', '2026-12-01T08:00:00.000Z'));
      expect(await second.sessions.findSession('h1')).toEqual(session('h1', 'token-a', '2026-12-01T08:00:00.000Z'));
      await second.sessions.touchSession('h1', '2026-12-01T09:00:00.000Z');
      expect((await db.store.sessions.findSession('h1'))?.lastSeenAt).toBe('2026-12-01T09:00:00.000Z');
      await db.store.sessions.deleteSession('h1');
      expect(await second.sessions.findSession('h1')).toBeUndefined();
    });

    it('prunes the sessions idle since before a moment, and every session of the tokens named', async () => {
      await db.store.sessions.saveSession(session('old', 'token-b', '2026-12-01T01:00:00.000Z'));
      await db.store.sessions.saveSession(session('fresh', 'token-b', '2026-12-01T10:00:00.000Z'));
      await db.store.sessions.saveSession(session('revoked', 'token-c', '2026-12-01T10:00:00.000Z'));
      await db.store.sessions.pruneSessions('2026-12-01T02:00:00.000Z', ['token-c']);
      expect(await db.store.sessions.findSession('old')).toBeUndefined();
      expect(await db.store.sessions.findSession('fresh')).toBeDefined();
      expect(await db.store.sessions.findSession('revoked')).toBeUndefined();
    });

    it('refuses a second session with the same hash instead of replacing it', async () => {
      await db.store.sessions.saveSession(session('same', 'token-d', '2026-12-01T10:00:00.000Z'));
      await expect(db.store.sessions.saveSession(session('same', 'token-e', '2026-12-01T10:00:00.000Z'))).rejects.toThrow();
      expect((await db.store.sessions.findSession('same'))?.tokenId).toBe('token-d');
    });
  });
}

contract('SQLite', sqliteTestStore);
contract('PostgreSQL', () => pgTestStore(), !DATABASE_URL);
if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);
