import type Database from 'better-sqlite3';
import { toSession, type SessionRow, type SessionStore } from '../session-store';
import type { WriteLock } from '../write-lock';

/**
 * Outside the log: signing in is not a change to the board. Writes take the writer's lock, so
 * none lands inside a group commit's transaction; reads see only what is committed.
 */
export function sqliteSessions(db: Database.Database, reader: Database.Database, lock: WriteLock): SessionStore {
  const q = {
    save: db.prepare('INSERT INTO sessions (hash, token_id, created_at, last_seen_at) VALUES (@hash, @tokenId, @createdAt, @lastSeenAt)'),
    find: reader.prepare('SELECT * FROM sessions WHERE hash = ?'),
    touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?'),
    delete: db.prepare('DELETE FROM sessions WHERE hash = ?'),
    pruneIdle: db.prepare('DELETE FROM sessions WHERE last_seen_at < ?'),
    pruneToken: db.prepare('DELETE FROM sessions WHERE token_id = ?'),
  };
  return {
    saveSession(session) {
      return lock.run(async () => {
        q.save.run(session);
      });
    },
    async findSession(hash) {
      const row = q.find.get(hash) as SessionRow | undefined;
      return row && toSession(row);
    },
    touchSession(hash, at) {
      return lock.run(async () => {
        q.touch.run(at, hash);
      });
    },
    deleteSession(hash) {
      return lock.run(async () => {
        q.delete.run(hash);
      });
    },
    pruneSessions(before, tokenIds = []) {
      return lock.run(async () => {
        db.transaction(() => {
          q.pruneIdle.run(before);
          for (const id of tokenIds) q.pruneToken.run(id);
        })();
      });
    },
  };
}
