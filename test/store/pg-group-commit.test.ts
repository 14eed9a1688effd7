import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, type BeginBatch } from '../../server/src/store/group-commit';
import { pgBatches } from '../../server/src/store/postgres/pg-batch';
import { unavailable } from '../../server/src/store/postgres/pg-errors';
import type { Pipeline } from '../../server/src/store/postgres/pg-pipeline';
import { StoreUnavailableError } from '../../server/src/store/store-unavailable';
import { WriteLock } from '../../server/src/store/write-lock';
import { seedBoard } from '../../server/src/seed/seed-board';
import { DomainEvents } from '../../server/src/services/domain-events';
import { CLI_PRINCIPAL } from '../../server/src/services/principal';
import { createUpdateService } from '../../server/src/services/update-service';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, urlForSchema, type TestStore } from '../support/stores';
import { stringMatching } from '../support/matchers';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

/** The batches' own work goes straight through their pipeline: statements sent, reads waited for. */
const asIs = (pipeline: Pipeline) => ({ tx: pipeline, mark: () => () => undefined });
const insert = (tx: Pipeline, name: string) => tx.send('INSERT INTO notes (name) VALUES ($1)', [name]);
/** The transaction a write runs in: a savepoint's own id is its parent's, as txid_current() gives it. */
const txid = async (tx: Pipeline) => (await tx.rows<{ txid: string }>('SELECT txid_current()::text AS txid'))[0]?.txid;

describe.skipIf(!DATABASE_URL)('group commit on PostgreSQL', () => {
  const schema = `tw_test_gc_${randomBytes(4).toString('hex')}`;
  const url = urlForSchema(schema);
  let admin: pg.Client;
  let writer: pg.Pool;
  let reader: pg.Pool;
  let begun: number;
  let begin: BeginBatch<Pipeline>;
  const committed = async () => (await reader.query<{ name: string }>('SELECT name FROM notes ORDER BY id')).rows.map((row) => row.name);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });
  beforeEach(async () => {
    await admin.query(
      `DROP TABLE IF EXISTS ${schema}.notes; CREATE TABLE ${schema}.notes (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)`,
    );
    writer = new pg.Pool({ connectionString: url, max: 1, pipeline: true });
    reader = new pg.Pool({ connectionString: url });
    begun = 0;
    const batches = pgBatches(writer, asIs);
    begin = () => {
      begun += 1;
      return batches();
    };
  });
  afterEach(async () => {
    await Promise.all([writer.end(), reader.end()]);
  });

  it('lets writes that arrive together share one transaction, and answers each only once it is committed', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const seenWhenAnswered: string[][] = [];
    const txids = await Promise.all(
      names.map((name) =>
        group
          .run(async (tx) => {
            insert(tx, name);
            return txid(tx);
          })
          .then(async (id) => {
            seenWhenAnswered.push(await committed());
            return id;
          }),
      ),
    );
    expect(new Set(txids).size).toBe(1);
    expect(begun).toBe(1);
    for (const seen of seenWhenAnswered) expect(seen).toEqual(names);
  });

  it('rolls back a write that fails on its own, and the others in its transaction land', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => {
        insert(tx, 'first');
        return txid(tx);
      }),
      group.run(async (tx) => {
        insert(tx, 'refused');
        throw new Error('409: that transition is not allowed');
      }),
      group.run(async (tx) => {
        insert(tx, 'third');
        return txid(tx);
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: stringMatching(/not allowed/) });
    expect((outcomes[0] as PromiseFulfilledResult<string>).value).toBe((outcomes[2] as PromiseFulfilledResult<string>).value);
    expect(await committed()).toEqual(['first', 'third']);
    expect(begun).toBe(1);
  });

  it('finds a statement the server refused when a later write reads, refuses only its write, and runs the later one again in the same transaction', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    let runs = 0;
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => {
        insert(tx, 'taken');
        return txid(tx);
      }),
      group.run(async (tx) => {
        // Sent and not waited for: the server's refusal comes back while the next write runs.
        insert(tx, 'taken');
      }),
      group.run(async (tx) => {
        runs += 1;
        insert(tx, 'after');
        return txid(tx);
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect((outcomes[0] as PromiseFulfilledResult<string>).value).toBe((outcomes[2] as PromiseFulfilledResult<string>).value);
    expect(runs).toBe(2);
    expect(await committed()).toEqual(['taken', 'after']);
    expect(begun).toBe(1);
  });

  it('finds a refused statement of the last write in the answer to the COMMIT, and runs the others again', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => insert(tx, 'kept')),
      group.run(async (tx) => insert(tx, 'also kept')),
      group.run(async (tx) => insert(tx, 'kept')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    expect(await committed()).toEqual(['kept', 'also kept']);
  });

  it('fails every write that ran when the connection is lost, leaves nothing half-written, and still runs the writes after it', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => insert(tx, 'before the failure')),
      group.run(async (tx) => {
        insert(tx, 'half');
        await tx.rows('SELECT pg_terminate_backend(pg_backend_pid())');
      }),
      group.run(async (tx) => insert(tx, 'after the failure')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    for (const o of outcomes.slice(0, 2)) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    expect(await committed()).toEqual(['after the failure']);
  });

  it('fails the whole group when its COMMIT fails, and the next writes land', async () => {
    await admin.query(`ALTER TABLE ${schema}.notes ADD COLUMN tally INTEGER UNIQUE DEFERRABLE INITIALLY DEFERRED`);
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    // The deferred check runs in the COMMIT, which refuses the whole transaction.
    const tally = (tx: Pipeline, name: string) => tx.send('INSERT INTO notes (name, tally) VALUES ($1, 1)', [name]);
    const outcomes = await Promise.allSettled(['x', 'y'].map((name) => group.run(async (tx) => tally(tx, name))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await committed()).toEqual([]);
    await group.run(async (tx) => insert(tx, 'z'));
    expect(await committed()).toEqual(['z']);
  });

  it('keeps a write that comes later out of a transaction already under way', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    let later: Promise<string | undefined> | undefined;
    const early = await group.run(async (tx) => {
      insert(tx, 'early');
      later = group.run(async (inner) => {
        insert(inner, 'late');
        return txid(inner);
      });
      return txid(tx);
    });
    expect(await later).not.toBe(early);
    expect(begun).toBe(2);
    expect(await committed()).toEqual(['early', 'late']);
  });

  it('settles the writes asked for before closing, and refuses those after as unavailable', async () => {
    const group = new GroupCommit(new WriteLock(), begin, unavailable);
    const asked = group.run(async (tx) => insert(tx, 'asked before closing'));
    let closed = false;
    await group.close(() => {
      closed = true;
    });
    expect(closed).toBe(true);
    await expect(asked).resolves.toBeUndefined();
    await expect(group.run(async (tx) => insert(tx, 'too late'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await committed()).toEqual(['asked before closing']);
  });
});

describe.skipIf(!DATABASE_URL)('writes to the PostgreSQL store that arrive together', () => {
  let handle: TestStore;
  beforeAll(async () => {
    handle = await pgTestStore();
    await seedBoard(handle.store);
  });
  afterAll(async () => {
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning these */
    await handle?.store.close();
    await handle?.remove();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('get gap-free seqs in the order they were asked for; a refused one takes none and stops none of the others', async () => {
    const { store } = handle;
    const updates = createUpdateService(store, new DomainEvents());
    const ctx = { principal: CLI_PRINCIPAL };
    const before = await store.currentSeq();
    // The NPT is in force: it cannot be signed again, so every third post is refused.
    const posts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        updates.post('npt', { headline: `Together ${i}`, ...(i % 3 === 1 ? { status: 'signed' as const } : {}) }, ctx),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 3 === 1 ? 'rejected' : 'fulfilled')));
    for (const refused of posts.filter((p) => p.status === 'rejected'))
      expect(refused.reason).toMatchObject({ code: 'invalid_transition' });
    const seqs = posts.flatMap((p) => (p.status === 'fulfilled' && 'change' in p.value.value ? [p.value.value.change.seq] : []));
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
    expect(await store.currentSeq()).toBe(before + 8);
    const stored = await store.updatesAfter(before, 100);
    expect(stored.map((u) => u.headline)).toEqual([0, 2, 3, 5, 6, 8, 9, 11].map((i) => `Together ${i}`));
    expect(stored.map((u) => u.seq)).toEqual(seqs);
  });
});
