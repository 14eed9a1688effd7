import type pg from 'pg';
import { toSession, type SessionRow, type SessionStore } from '../session-store';

/** Outside the log's advisory lock: signing in is not a change to the board and need not wait for writers. */
export function pgSessions(pool: pg.Pool): SessionStore {
  return {
    async saveSession(s) {
      await pool.query('INSERT INTO sessions (hash, token_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
        s.hash,
        s.tokenId,
        s.createdAt,
        s.lastSeenAt,
      ]);
    },
    async findSession(hash) {
      const { rows } = await pool.query<SessionRow>('SELECT * FROM sessions WHERE hash = $1', [hash]);
      const row = rows[0];
      return row && toSession(row);
    },
    async touchSession(hash, at) {
      await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE hash = $2', [at, hash]);
    },
    async deleteSession(hash) {
      await pool.query('DELETE FROM sessions WHERE hash = $1', [hash]);
    },
    async pruneSessions(before, tokenIds = []) {
      await pool.query('DELETE FROM sessions WHERE last_seen_at < $1 OR token_id = ANY($2::text[])', [before, [...tokenIds]]);
    },
  };
}
