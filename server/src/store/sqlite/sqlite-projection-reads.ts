import type Database from 'better-sqlite3';
import type { Treaty, Update } from '@treaty-watch/shared';
import { parseEach, parseOne } from './json-columns';

/** A treaty, an update and a treaty's updates read on one connection: the writer inside a transaction, the reader outside. */
export function projectionReads(connection: Database.Database) {
  const treaty = connection.prepare('SELECT data FROM treaties WHERE id = ?').pluck();
  const update = connection.prepare('SELECT data FROM updates WHERE id = ?').pluck();
  const updates = connection.prepare('SELECT data FROM updates WHERE treaty_id = ? ORDER BY occurred_at DESC, seq DESC').pluck();
  return {
    async getTreaty(id: string) {
      return parseOne<Treaty>(treaty.get(id));
    },
    async getUpdate(id: string) {
      return parseOne<Update>(update.get(id));
    },
    async treatyUpdates(id: string) {
      return parseEach<Update>(updates.all(id));
    },
  };
}
