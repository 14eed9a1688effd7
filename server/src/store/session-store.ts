/** A signed-in browser: only a hash of its session id is kept, so a copy of the database signs no one in. */
export interface SessionRecord {
  hash: string;
  tokenId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** Sessions live in the database, so every process behind the load balancer knows them. */
export interface SessionStore {
  saveSession(session: SessionRecord): Promise<void>;
  findSession(hash: string): Promise<SessionRecord | undefined>;
  touchSession(hash: string, at: string): Promise<void>;
  deleteSession(hash: string): Promise<void>;
  /** Forgets every session last seen before `before`, and every session of these token ids. */
  pruneSessions(before: string, tokenIds?: readonly string[]): Promise<void>;
}

/**
 * The desk's sign-in sessions (issue 14), one migration of their own, the same SQL on both
 * stores. Append-only like every migration: a change to the table is a new one.
 */
export const SESSIONS_MIGRATION = `
  CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    token_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_token ON sessions (token_id);
  CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
`;

export interface SessionRow {
  hash: string;
  token_id: string;
  created_at: string;
  last_seen_at: string;
}

export const toSession = (row: SessionRow): SessionRecord => ({
  hash: row.hash,
  tokenId: row.token_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});
