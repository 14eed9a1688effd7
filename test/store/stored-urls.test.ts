import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBoard } from '../../server/src/seed/seed-board';
import { commitEntry } from '../../server/src/services/log-writer';
import { postedEntry } from '../../server/src/services/posted-entry';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { MIGRATION_VERSIONS as PG_MIGRATIONS } from '../../server/src/store/postgres/pg-migrations';
import { MIGRATION_VERSIONS as SQLITE_MIGRATIONS } from '../../server/src/store/sqlite/migrations';
import type { Store } from '../../server/src/store/store';
import { DATABASE_URL, pgTestStore } from '../support/stores';
import { tempDir } from '../support/temp-dir';

const AT = '2026-11-30T10:00:00.000Z';
const AS_TYPED = 'HTTPS://Example.org/a b?q=ü';
const NORMALISED = 'https://example.org/a%20b?q=%C3%BC';
const UNPARSABLE = 'https://exa"mple.org/';

/** A board written before URLs were normalised: an update's source and a treaty's source as typed. */
async function writeAsBefore(store: Store): Promise<void> {
  await seedBoard(store, new Date(AT));
  await store.transaction(async (tx) => {
    await commitEntry(
      tx,
      postedEntry({ id: 'typed', treatyId: 'npt', headline: 'A source as typed', sourceUrl: AS_TYPED, occurredAt: AT, author: 'desk' }, AT),
    );
    const npt = await tx.getTreaty('npt');
    await commitEntry(tx, {
      treatyId: 'npt',
      effectiveAt: AT,
      recordedAt: AT,
      actor: 'admin',
      payload: {
        kind: 'treaty.changed',
        fields: { sources: [...(npt?.sources ?? []), { title: 'As typed', url: AS_TYPED }, { title: 'Unparsable', url: UNPARSABLE }] },
      },
    });
  });
}

function expectNormalised(
  name: string,
  open: () => Promise<{ store: Store; rollBack(): Promise<void>; reopen(): Promise<Store>; remove(): Promise<void> }>,
  skip = false,
) {
  describe.skipIf(skip)(`${name}: URLs stored before normalisation`, () => {
    let store: Store;
    let handle: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      handle = await open();
      await writeAsBefore(handle.store);
      await handle.store.close();
      // As if the database came from before the URL migration: it runs at the next start.
      await handle.rollBack();
      store = await handle.reopen();
    });
    afterAll(async () => {
      await store.close();
      await handle.remove();
    });

    it('are rewritten once, as they are stored today, in the projection, the log and the recorded changes', async () => {
      expect((await store.getUpdate('typed'))?.sourceUrl).toBe(NORMALISED);
      const sources = (await store.getTreaty('npt'))?.sources.map((s) => s.url) ?? [];
      expect(sources).toContain(NORMALISED);
      expect(sources).not.toContain(AS_TYPED);
      // One no parser takes is left as it was, for answers to leave out as before.
      expect(sources).toContain(UNPARSABLE);
      const log = JSON.stringify(await store.logEntries(0, 10_000));
      const changes = JSON.stringify(await store.changesAfter(0, 10_000));
      for (const text of [log, changes]) {
        expect(text).toContain(NORMALISED);
        expect(text).not.toContain(AS_TYPED);
      }
      // The seed's own URLs were stored normalised: a restart finds nothing to add.
      expect(await seedBoard(store)).toBe(0);
    });
  });
}

expectNormalised('SQLite', async () => {
  const dir = tempDir('urls');
  return {
    store: openSqliteStore(dir.dir),
    async rollBack() {
      const db = new Database(path.join(dir.dir, 'treaty-watch.sqlite'));
      db.exec(`DELETE FROM schema_migrations WHERE version = ${SQLITE_MIGRATIONS.normalisedUrls}`);
      db.close();
    },
    reopen: async () => openSqliteStore(dir.dir),
    remove: async () => dir.remove(),
  };
});

expectNormalised(
  'PostgreSQL',
  async () => {
    const handle = await pgTestStore();
    return {
      ...handle,
      async rollBack() {
        const client = new pg.Client({ connectionString: DATABASE_URL });
        await client.connect();
        await client.query(`DELETE FROM ${handle.schema}.schema_migrations WHERE version = ${PG_MIGRATIONS.normalisedUrls}`);
        await client.end();
      },
    };
  },
  !DATABASE_URL,
);
