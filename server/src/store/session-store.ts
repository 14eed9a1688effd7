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
