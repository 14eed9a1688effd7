import Database from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTerms, type ScheduledUpdate } from '@treaty-watch/shared';
import type { Store } from '../../server/src/store/store';
import type { Found, UpdateSearch } from '../../server/src/store/search-doc';
import { seedBoard } from '../../server/src/seed/seed-board';
import { createEmbargoService } from '../../server/src/services/embargo-service';
import { CLI_PRINCIPAL } from '../../server/src/services/principal';
import { createUpdateService } from '../../server/src/services/update-service';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import { openPgStore } from '../../server/src/store/postgres/pg-store';
import { MIGRATION_VERSIONS as PG_MIGRATIONS } from '../../server/src/store/postgres/pg-migrations';
import { MIGRATION_VERSIONS as SQLITE_MIGRATIONS } from '../../server/src/store/sqlite/migrations';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, sqliteTestStore, type TestStore, useStore } from '../support/stores';
import { tempDir } from '../support/temp-dir';
import { DomainEvents } from '../../server/src/services/domain-events';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

const NOW = new Date('2026-11-24T12:00:00.000Z');
const ctx = { principal: CLI_PRINCIPAL };

const idOf = (found: Found) => (found.kind === 'update' ? found.update.id : found.scheduled.id);
const search = (store: Store, q: string, more: Partial<UpdateSearch> = {}) =>
  store.searchUpdates({ terms: searchTerms(q), limit: 100, ...more });
const headlines = async (store: Store, q: string, more: Partial<UpdateSearch> = {}) =>
  (await search(store, q, more)).map((f) => (f.kind === 'update' ? f.update.headline : f.scheduled.headline));

/** Queries over the seeded board whose answers both stores must give alike. */
const QUERIES = [
  'Kaliningrad',
  'treaty',
  'new start',
  'NEW-START',
  'inspection offer',
  'Moratorium',
  'russia',
  '2021',
  'ratif',
  'genève',
  'withdrawal notice',
  'open skies',
];

function contract(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`search in the ${name} store`, () => {
    const db = useStore(open, { seededAt: NOW });

    it('finds the 2020-10-26 inspection offer by "Kaliningrad"', async () => {
      const found = await search(db.store, 'kaliningrad');
      expect(found.length).toBeGreaterThan(0);
      expect(
        found.some(
          (f) => f.kind === 'update' && f.update.occurredAt.startsWith('2020-10-26') && /inspection|verification/i.test(f.update.headline),
        ),
      ).toBe(true);
    });

    it('wants every term, in headline or body, and lists newest first: occurredAt, then seq', async () => {
      const found = await search(db.store, 'treaty');
      const keys = found.map((f) => (f.kind === 'update' ? `${f.update.occurredAt}#${String(f.update.seq).padStart(8, '0')}` : ''));
      expect(found.length).toBeGreaterThan(3);
      expect(keys).toEqual([...keys].sort().reverse());
      const both = await search(db.store, 'kaliningrad verification');
      const one = await search(db.store, 'kaliningrad');
      expect(both.length).toBeLessThanOrEqual(one.length);
      expect(await search(db.store, 'kaliningrad zzyzxnotaword')).toEqual([]);
    });

    it('pages with a cursor that holds while updates are posted', async () => {
      const all = (await search(db.store, 'treaty')).map(idOf);
      const first = await search(db.store, 'treaty', { limit: 3 });
      const last = first.at(-1);
      if (last?.kind !== 'update') throw new Error('expected an update');
      await createUpdateService(db.store, new DomainEvents(), () => NOW).post(
        'npt',
        { headline: 'Another treaty story, posted while paging' },
        ctx,
      );
      const second = await search(db.store, 'treaty', {
        limit: 3,
        before: { occurredAt: last.update.occurredAt, seq: last.update.seq, id: last.update.id },
      });
      expect([...first, ...second].map(idOf)).toEqual(all.slice(0, 6));
    });

    it('indexes a post, a correction (its new wording only) and a retraction in their own transactions', async () => {
      const updates = createUpdateService(db.store, new DomainEvents(), () => NOW);
      const posted = (await updates.post('cfe', { headline: 'Quokka sighting at the depot', body: 'A wombat too' }, ctx)).value;
      if (!('change' in posted)) throw new Error('expected a posted update');
      const id = posted.change.update.id;
      expect((await search(db.store, 'wombat')).map(idOf)).toEqual([id]);
      await updates.correct(id, { headline: 'Numbat sighting at the depot', body: 'No wombat after all: a platypus' }, ctx);
      expect(await search(db.store, 'quokka')).toEqual([]);
      expect((await search(db.store, 'numbat platypus')).map(idOf)).toEqual([id]);
      await updates.retract(id, 'Nothing was sighted', ctx);
      const [retracted] = await search(db.store, 'numbat');
      expect(retracted?.kind === 'update' && retracted.update.retractedAt).toBe(NOW.toISOString());
    });

    it('finds an embargoed update only when asked for embargoes, within the scope given, until it is published', async () => {
      let now = NOW;
      const posted = (
        await createUpdateService(db.store, new DomainEvents(), () => now).post(
          'tpnw',
          { headline: 'Embargoed ocelot report', publishAt: '2026-11-24T15:00:00.000Z' },
          ctx,
        )
      ).value;
      const scheduled = (posted as { scheduled: ScheduledUpdate }).scheduled;
      expect(await search(db.store, 'ocelot')).toEqual([]);
      expect((await search(db.store, 'ocelot', { embargoed: {} })).map((f) => f.kind)).toEqual(['embargoed']);
      expect(await search(db.store, 'ocelot', { embargoed: { treaties: ['inf'] } })).toEqual([]);
      expect(await search(db.store, 'ocelot', { embargoed: { treaties: ['tpnw'] } })).toHaveLength(1);
      now = new Date('2026-11-24T15:00:00.000Z');
      await createEmbargoService(db.store, new DomainEvents(), () => now).publishDue();
      const published = await search(db.store, 'ocelot');
      expect(published.map((f) => [f.kind, idOf(f)])).toEqual([['update', scheduled.id]]);
      expect(await search(db.store, 'ocelot', { embargoed: {} })).toHaveLength(1);
    });

    it('drops an embargo that is cancelled', async () => {
      const posted = (
        await createUpdateService(db.store, new DomainEvents(), () => NOW).post(
          'tpnw',
          { headline: 'Cancelled lynx report', publishAt: '2026-11-25T15:00:00.000Z' },
          ctx,
        )
      ).value;
      const scheduled = (posted as { scheduled: ScheduledUpdate }).scheduled;
      expect(await search(db.store, 'lynx', { embargoed: {} })).toHaveLength(1);
      await createEmbargoService(db.store, new DomainEvents(), () => NOW).cancel(scheduled.id, ctx);
      expect(await search(db.store, 'lynx', { embargoed: {} })).toEqual([]);
    });

    it('indexes nothing of a write that fails', async () => {
      await expect(
        db.store.transaction(async (tx) => {
          const [update] = await tx.treatyUpdates('npt');
          if (!update) throw new Error('the seed has NPT updates');
          await tx.saveUpdate({ ...update, headline: 'Rolled back marmot' });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await search(db.store, 'marmot')).toEqual([]);
    });

    it('takes FTS syntax in a query as plain characters', async () => {
      for (const q of [
        '"',
        '*',
        'NEAR(',
        'kaliningrad AND',
        '-kaliningrad',
        'headline:kaliningrad',
        '^kaliningrad',
        '(kaliningrad',
        "kaliningrad's",
        "\\'",
        '\u0000kaliningrad',
      ]) {
        await expect(search(db.store, q)).resolves.toBeInstanceOf(Array);
      }
      expect((await search(db.store, 'NEAR(kaliningrad)')).length).toBe(0);
      expect((await search(db.store, '"kaliningrad*')).length).toBeGreaterThan(0);
    });
  });
}

contract('SQLite', sqliteTestStore);
contract('PostgreSQL', () => pgTestStore(), !DATABASE_URL);

describe.skipIf(!DATABASE_URL)('search on SQLite and PostgreSQL', () => {
  let sqlite: TestStore;
  let postgres: TestStore;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([sqliteTestStore(), pgTestStore()]);
    await seedBoard(sqlite.store, NOW);
    await seedBoard(postgres.store, NOW);
  });
  afterAll(async () => {
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning them */
    await Promise.all([sqlite?.store.close(), postgres?.store.close()]);
    await Promise.all([sqlite?.remove(), postgres?.remove()]);
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('gives the same results for the seeded board, page by page', async () => {
    for (const q of QUERIES) {
      const here = (await search(sqlite.store, q)).map(idOf);
      expect({ q, ids: (await search(postgres.store, q)).map(idOf) }).toEqual({ q, ids: here });
    }
    expect((await search(sqlite.store, 'treaty')).length).toBeGreaterThan(5);
  });

  it('gives the same results for words in any script, with diacritics folded alike', async () => {
    const headlines = [
      'Συνθήκη ΣΤΑΡΤ: ο διάλογος συνεχίζεται',
      'Łódź hosts the Genève follow-up',
      'Geneve talks resume',
      '条约 谈判 继续',
      'Договор СНВ-3 продлён',
      'ﬁnal ½ notice ²',
    ];
    for (const store of [sqlite.store, postgres.store]) {
      for (const headline of headlines) await createUpdateService(store, new DomainEvents(), () => NOW).post('npt', { headline }, ctx);
    }
    const wordings = async (store: Store, q: string) => (await search(store, q)).map((f) => (f.kind === 'update' ? f.update.headline : ''));
    for (const q of ['συνθηκη', 'ΔΙΆΛΟΓΟΣ', 'lodz', 'łódź', 'geneve', 'GENÈVE', '条约', 'договор снв', 'final 1 2', 'fi']) {
      expect({ q, found: await wordings(postgres.store, q) }).toEqual({ q, found: await wordings(sqlite.store, q) });
    }
    expect(await wordings(sqlite.store, 'geneve')).toHaveLength(2);
  });
});

describe('a database from before search', () => {
  it('gets its index built from what the log holds, on SQLite', async () => {
    const dir = tempDir('search-migration');
    const store = openSqliteStore(dir.dir);
    await seedBoard(store, NOW);
    await store.close();
    const db = new Database(path.join(dir.dir, 'treaty-watch.sqlite'));
    db.exec(
      `DROP TABLE search_terms; DROP TABLE search_docs; DELETE FROM schema_migrations WHERE version = ${SQLITE_MIGRATIONS.searchIndex}`,
    );
    db.close();
    const reopened = openSqliteStore(dir.dir);
    expect((await headlines(reopened, 'kaliningrad')).length).toBeGreaterThan(0);
    await reopened.close();
    dir.remove();
  });

  it.skipIf(!DATABASE_URL)('gets its index built from what the log holds, on PostgreSQL', async () => {
    const handle = await pgTestStore();
    await seedBoard(handle.store, NOW);
    const expected = await headlines(handle.store, 'kaliningrad');
    await handle.store.close();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`SET search_path = ${handle.schema}`);
    await client.query(`DROP TABLE search_docs; DELETE FROM schema_migrations WHERE version = ${PG_MIGRATIONS.searchIndex}`);
    await client.end();
    const reopened = await openPgStore(DATABASE_URL ?? '', { schema: handle.schema });
    expect(await headlines(reopened, 'kaliningrad')).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    await reopened.close();
    await handle.remove();
  });
});
