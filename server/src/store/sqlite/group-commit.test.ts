import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../store-unavailable';
import { WriteLock } from '../write-lock';
import { GroupCommit } from '../group-commit';
import { sqliteBatches } from './sqlite-batch';

/** A disk failure, as the store maps SQLite's codes. */
class DiskFull extends Error {}
const storeError = (error: unknown) => (error instanceof DiskFull ? new StoreUnavailableError('the disk is full', error) : error);

let dir: string;
let writer: Database.Database;
let reader: Database.Database;
let commits: number;
let failNextCommit: boolean;

function connection() {
  return {
    exec(sql: string) {
      if (sql === 'COMMIT') {
        commits += 1;
        if (failNextCommit) {
          failNextCommit = false;
          throw new DiskFull('disk I/O error');
        }
      }
      return writer.exec(sql);
    },
    get inTransaction() {
      return writer.inTransaction;
    },
  };
}

const insert = (tx: Database.Database, name: string) => tx.prepare('INSERT INTO notes (name) VALUES (?)').run(name);
const committed = () => reader.prepare('SELECT name FROM notes ORDER BY id').pluck().all();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-group-commit-'));
  writer = new Database(path.join(dir, 'db.sqlite'));
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  reader = new Database(path.join(dir, 'db.sqlite'), { readonly: true });
  commits = 0;
  failNextCommit = false;
});

afterEach(() => {
  reader.close();
  writer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('lets writes that arrive together share one COMMIT, and answers each only once it is on disk', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    const seenWhenAnswered: unknown[][] = [];
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const results = await Promise.all(
      names.map((name) =>
        group
          .run(async (tx) => Number(insert(tx, name).lastInsertRowid))
          .then((id) => {
            seenWhenAnswered.push(committed());
            return id;
          }),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(commits).toBe(1);
    for (const seen of seenWhenAnswered) expect(seen).toEqual(names);
  });

  it('rolls back a write that fails on its own, and the others in its COMMIT land', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => insert(tx, 'first')),
      group.run(async (tx) => {
        insert(tx, 'refused');
        throw new Error('409: that transition is not allowed');
      }),
      group.run(async (tx) => insert(tx, 'third')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((outcomes[1] as PromiseRejectedResult).reason as Error).message).toMatch(/not allowed/);
    expect(committed()).toEqual(['first', 'third']);
    expect(commits).toBe(1);
  });

  it('fails every write that ran when the storage fails, leaves nothing half-written, and still runs the writes after it', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => insert(tx, 'before the failure')),
      group.run(async (tx) => {
        insert(tx, 'half');
        throw new DiskFull('database or disk is full');
      }),
      group.run(async (tx) => insert(tx, 'after the failure')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    for (const o of outcomes.slice(0, 2)) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    expect(committed()).toEqual(['after the failure']);
  });

  it('fails the whole group when its COMMIT fails, and the next writes land', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    failNextCommit = true;
    const outcomes = await Promise.allSettled(['x', 'y'].map((name) => group.run(async (tx) => insert(tx, name))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
    await group.run(async (tx) => insert(tx, 'z'));
    expect(committed()).toEqual(['z']);
  });

  it('keeps a write that comes later out of a COMMIT already under way', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    let later: Promise<unknown> | undefined;
    await group.run(async (tx) => {
      insert(tx, 'early');
      later = group.run(async (inner) => insert(inner, 'late'));
    });
    expect(committed()).toEqual(['early']);
    await later;
    expect(committed()).toEqual(['early', 'late']);
    expect(commits).toBe(2);
  });

  it('settles the writes asked for before closing, and refuses those after as unavailable', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    const asked = group.run(async (tx) => insert(tx, 'asked before closing'));
    let closed = false;
    await group.close(() => {
      closed = true;
    });
    expect(closed).toBe(true);
    expect(committed()).toEqual(['asked before closing']);
    await expect(asked).resolves.toBeDefined();
    await expect(group.run(async (tx) => insert(tx, 'too late'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(committed()).toEqual(['asked before closing']);
  });

  it('refuses the other writes of a transaction SQLite rolled back itself as unavailable', async () => {
    const group = new GroupCommit(new WriteLock(), sqliteBatches(connection(), writer), storeError);
    const outcomes = await Promise.allSettled([
      group.run(async (tx) => insert(tx, 'innocent')),
      group.run(async (tx) => {
        insert(tx, 'the cause');
        tx.exec('ROLLBACK');
        throw new Error('interrupted');
      }),
    ]);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    expect(((outcomes[1] as PromiseRejectedResult).reason as Error).message).toBe('interrupted');
    expect(committed()).toEqual([]);
  });
});
