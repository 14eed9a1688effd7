import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Snapshot } from '@treaty-watch/shared';
import { repoRoot } from '../support/paths';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, urlForSchema } from '../support/stores';
import { tempDir } from '../support/temp-dir';
import { useServer } from '../support/use-server';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store';
import type { Store } from '../../server/src/store/store';
import type { MailRecord } from '../../server/src/store/subscription-store';
import { importLines, type ExportLine } from '../../server/src/services/log-transfer';
import { stringMatching } from '../support/matchers';

const run = promisify(execFile);
const cli = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', `server/src/cli/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

const source = tempDir('export');
const target = tempDir('import');
const dump = path.join(source.dir, 'board.ndjson');
// Registered before the server's own hooks, so it runs after the server has closed.
afterAll(() => {
  source.remove();
  target.remove();
});
const served = useServer({ dataDir: path.join(source.dir, 'data') });
let before: Snapshot;
let beforeRest: Awaited<ReturnType<typeof restOf>>;

/** What a store keeps beside the log: the audit trail, embargoes, webhook endpoints, readers' email subscriptions and their mail. */
async function restOf(store: Store) {
  return {
    audit: (await store.auditEntriesAfter(0, 1000)).map(({ id: _id, ...entry }) => entry),
    scheduled: await store.listScheduled(undefined, 100),
    webhooks: await store.listWebhooks(),
    mail: await store.subscriptions.transaction(async (tx) => ({
      subscriptions: await tx.all(),
      tokens: await tx.tokens(),
      outbox: await tx.outbox(),
      cursor: await tx.cursor(),
      // The link mailed to the confirmed reader still finds them, and only for its purpose.
      manageLink: await tx.tokenOwner('manage-link-hash', 'manage'),
    })),
    waiting: (await store.subscriptions.dueMail('2026-12-02T00:00:00.000Z', 10)).map((mail) => mail.id),
  };
}

const SENT_CONFIRMATION: MailRecord = {
  id: 'mail-sent',
  subscriptionId: 'sub-2',
  kind: 'confirm',
  state: 'sent',
  attempts: 1,
  createdAt: '2026-12-01T08:00:00.000Z',
  nextAttemptAt: '2026-12-01T08:00:00.000Z',
  sentAt: '2026-12-01T08:00:00.000Z',
};

/**
 * Two readers, one confirmed with a link to manage the subscription, one still to confirm; the
 * confirmation mail sent, and a digest still waiting to go.
 */
async function subscribeReaders(store: Store) {
  await store.subscriptions.transaction(async (tx) => {
    const at = '2026-12-01T08:00:00.000Z';
    await tx.save({
      id: 'sub-1',
      email: 'desk@example.org',
      cadence: 'daily',
      hour: 7,
      treaties: ['inf'],
      createdAt: at,
      confirmedAt: at,
      fromSeq: 3,
    });
    await tx.addToken('manage-link-hash', 'sub-1', 'manage', at);
    await tx.save({ id: 'sub-2', email: 'reader@example.org', cadence: 'immediate', createdAt: at });
    await tx.addToken('confirm-link-hash', 'sub-2', 'confirm', at);
    await tx.queueMail(SENT_CONFIRMATION, 'confirm:sub-2');
    await tx.queueMail(
      {
        ...SENT_CONFIRMATION,
        id: 'mail-waiting',
        subscriptionId: 'sub-1',
        kind: 'digest',
        afterSeq: 3,
        seq: 5,
        state: 'pending',
        sentAt: undefined,
        lastError: 'timed out',
      },
      'digest:sub-1:5',
    );
    await tx.setCursor(5);
  });
}

async function* linesOf(file: string): AsyncGenerator<ExportLine> {
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) yield JSON.parse(line) as ExportLine;
}

/** The board without the moment it was read. */
const board = ({ serverTime: _t, ...rest }: Snapshot) => rest;

/** The board as a reader sees it, without a token. */
const snapshot = async () => (await served.api.get<Snapshot>('/api/snapshot', { token: null })).body;

beforeAll(async () => {
  const { api } = served;
  const { body } = await api.postUpdate<PostUpdateResponse>('open-skies', { headline: 'To be corrected', status: 'suspended' });
  await api.patch(`/api/updates/${body.update.id}`, { headline: 'Corrected' });
  await api.post(`/api/updates/${body.update.id}/retract`, { reason: 'Wrong' });
  await api.postUpdate('cfe', { headline: 'Backdated note', occurredAt: '2020-01-01T00:00:00Z' });
  await api.post('/api/tokens', { role: 'editor', name: 'kept desk' });
  await api.postUpdate('inf', { headline: 'Kept under embargo', publishAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  await api.post('/api/webhooks', { url: 'http://127.0.0.1:9/kept', treaties: ['inf'] });
  await subscribeReaders(served.server.app.store);
  before = await snapshot();
  beforeRest = await restOf(served.server.app.store);
  await served.server.stop();
  await cli('export', [], { DATA_DIR: path.join(source.dir, 'data') }).then(({ stdout }) => fs.writeFileSync(dump, stdout));
});

/** The board a server shows on the imported store: the test's server, started again on it. */
async function boardOf(store: () => Store | Promise<Store>) {
  await served.server.start({ store });
  try {
    return await snapshot();
  } finally {
    await served.server.stop();
  }
}

describe('npm run export and npm run import', () => {
  it('writes one JSON line per log entry, then the tokens, the audit trail, embargoes, webhooks, email subscriptions and their mail', () => {
    const lines = fs
      .readFileSync(dump, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; seq?: number });
    const entries = lines.filter((l) => l.type === 'entry');
    expect(entries.map((l) => l.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.length).toBe(before.seq);
    expect(lines.filter((l) => l.type === 'token')).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'audit')).toHaveLength(beforeRest.audit.length);
    expect(lines.filter((l) => l.type === 'scheduled')).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'webhook')).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'subscription')).toHaveLength(2);
    expect(lines.filter((l) => l.type === 'subscription-token')).toHaveLength(2);
    expect(lines.filter((l) => l.type === 'mail')).toHaveLength(2);
    expect(lines.filter((l) => l.type === 'mail-cursor')).toEqual([{ type: 'mail-cursor', seq: 5 }]);
  });

  it('rebuilds the same board, audit trail, embargoes, webhooks, email subscriptions and mail outbox in a new SQLite store', async () => {
    const { stdout } = await cli('import', [dump], { DATA_DIR: target.dir });
    expect(stdout).toContain(
      `Imported ${before.seq} log entries, 1 tokens, ${beforeRest.audit.length} audit entries, 1 embargoed updates, 1 webhook endpoints, 2 email subscriptions and 2 messages of the mail outbox into the sqlite store`,
    );
    expect(board(await boardOf(() => openSqliteStore(target.dir)))).toEqual(board(before));
    const restored = openSqliteStore(target.dir);
    try {
      expect(await restOf(restored)).toEqual(beforeRest);
      expect(beforeRest.mail.subscriptions.map((s) => s.email)).toEqual(['desk@example.org', 'reader@example.org']);
      expect(beforeRest.mail.manageLink).toBe('sub-1');
      // The digest that was waiting goes from the new store; the confirmation sent is not sent again.
      expect(beforeRest.waiting).toEqual(['mail-waiting']);
      await restored.subscriptions.transaction((tx) =>
        tx.queueMail({ ...SENT_CONFIRMATION, id: 'mail-again', state: 'pending', sentAt: undefined }, 'confirm:sub-2'),
      );
      expect((await restOf(restored)).waiting).toEqual(['mail-waiting']);
      expect(beforeRest.audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['update.scheduled', 'webhook.created', 'token.created']),
      );
    } finally {
      await restored.close();
    }
  });

  it('refuses to import into a store that already has a log, and changes nothing', async () => {
    await expect(cli('import', [dump], { DATA_DIR: target.dir })).rejects.toMatchObject({ stderr: stringMatching(/empty store/) });
    expect(board(await boardOf(() => openSqliteStore(target.dir)))).toEqual(board(before));
  });

  it('says the import is incomplete when the email subscriptions cannot be written after the log', async () => {
    const into = tempDir('import-incomplete');
    const store = openSqliteStore(into.dir);
    const failing: Store = {
      ...store,
      subscriptions: { ...store.subscriptions, transaction: () => Promise.reject(new Error('disk full')) },
    };
    try {
      await expect(importLines(failing, linesOf(dump))).rejects.toThrow(
        /were imported, but the email subscriptions were not \(disk full\)/,
      );
      expect(await store.currentSeq()).toBe(before.seq);
    } finally {
      await store.close();
      into.remove();
    }
  });

  if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);
  it.skipIf(!DATABASE_URL)('moves the board from SQLite to PostgreSQL', async () => {
    const pg = await pgTestStore();
    await pg.store.close();
    try {
      const url = urlForSchema(pg.schema);
      await cli('import', [dump], { DATABASE_URL: url });
      expect(board(await boardOf(() => pg.reopen()))).toEqual(board(before));
      const restored = await pg.reopen();
      try {
        expect(await restOf(restored)).toEqual(beforeRest);
      } finally {
        await restored.close();
      }
    } finally {
      await pg.remove();
    }
  });
});
