import { describe, expect, it } from 'vitest';
import { seedBoard } from '../../server/src/seed/seed-board';
import { createBoardService } from '../../server/src/services/board-service';
import { DomainEvents } from '../../server/src/services/domain-events';
import { LastAnswers } from '../../server/src/services/last-answers';
import { createEmbargoService } from '../../server/src/services/embargo-service';
import { CLI_PRINCIPAL } from '../../server/src/services/principal';
import { createTokenService } from '../../server/src/services/token-service';
import { webhookTargets } from '../../server/src/webhooks/targets';
import { createUpdateService } from '../../server/src/services/update-service';
import { createWebhookService } from '../../server/src/services/webhook-service';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, sqliteTestStore, type TestStore, useStore } from '../support/stores';

if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);

const NOW = new Date('2026-11-24T12:00:00.000Z');
const clock = () => NOW;
const ctx = { principal: CLI_PRINCIPAL };

/** The same suite, unchanged, for every store: nothing above the Store interface may tell them apart. */
function contract(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`the ${name} store`, () => {
    const db = useStore(open);

    it('starts empty and takes the seed in one go', async () => {
      expect(await db.store.isEmpty()).toBe(true);
      expect(await db.store.currentSeq()).toBe(0);
      const entries = await seedBoard(db.store, NOW);
      expect(await db.store.currentSeq()).toBe(entries);
      expect((await db.store.listTreaties()).map((t) => t.id)).toEqual([
        'inf',
        'new-start',
        'open-skies',
        'abm',
        'ctbt',
        'npt',
        'cfe',
        'tpnw',
        'start-i',
        'sort',
      ]);
      expect(await seedBoard(db.store, NOW)).toBe(0);
    });

    it('keeps nothing of a transaction that fails', async () => {
      const before = await db.store.currentSeq();
      await expect(
        db.store.transaction(async (tx) => {
          await tx.append({
            treatyId: 'npt',
            effectiveAt: NOW.toISOString(),
            recordedAt: NOW.toISOString(),
            actor: 'test',
            payload: { kind: 'treaty.changed', fields: { summary: 'never' } },
          });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await db.store.currentSeq()).toBe(before);
      expect((await db.store.getTreaty('npt'))?.summary).not.toBe('never');
    });

    it('gives concurrent writes a gap-free, strictly increasing seq', async () => {
      const updates = createUpdateService(db.store, new DomainEvents(), clock);
      const before = await db.store.currentSeq();
      const version = (await db.store.getTreaty('npt'))?.version ?? 0;
      const written = await Promise.all(Array.from({ length: 25 }, (_, i) => updates.post('npt', { headline: `Concurrent ${i}` }, ctx)));
      const seqs = written.map((w) => ('change' in w.value ? w.value.change.seq : 0)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => before + 1 + i));
      expect((await db.store.getTreaty('npt'))?.version).toBe(version + 25);
    });

    it('orders updates as the API promises', async () => {
      const detail = await db.store.treatyUpdates('inf');
      const keys = detail.map((u) => `${u.occurredAt}#${String(u.seq).padStart(6, '0')}`);
      expect(keys).toEqual([...keys].sort().reverse());
      const latest = await db.store.latestUpdates(5);
      expect(latest.map((u) => u.seq)).toEqual([...latest.map((u) => u.seq)].sort((a, b) => b - a));
      const after = await db.store.updatesAfter(10, 3);
      expect(after.map((u) => u.seq)).toEqual([...after.map((u) => u.seq)].sort((a, b) => a - b));
      expect(after[0]?.seq).toBeGreaterThan(10);
    });

    it('keeps the broadcast change and the log entry beside every seq', async () => {
      const seq = await db.store.currentSeq();
      const changes = await db.store.changesAfter(seq - 3, 10);
      expect(changes.map((c) => c.seq)).toEqual([seq - 2, seq - 1, seq]);
      const entries = await db.store.logEntries(seq - 3, 10);
      expect(entries.map((e) => e.seq)).toEqual([seq - 2, seq - 1, seq]);
      expect(entries[2]?.payload.kind).toBe('update.posted');
    });

    it('keeps tokens hashed, finds, touches and revokes them', async () => {
      const tokens = createTokenService(db.store, undefined, clock);
      const { token, info } = (await tokens.create({ role: 'editor', name: 'contract desk', treaties: ['inf'] }, ctx)).value;
      expect(await tokens.authenticate(token)).toMatchObject({ tokenId: info.id, role: 'editor', treaties: ['inf'] });
      expect((await db.store.getToken(info.id))?.lastUsedAt).toBe(NOW.toISOString());
      expect((await db.store.listTokens()).some((t) => t.hash === token)).toBe(false);
      expect((await db.store.transaction((tx) => tx.tokensNamed('Contract Desk'))).map((t) => t.id)).toEqual([info.id]);
      await tokens.revokeNamed('contract desk', ctx);
      expect(await tokens.authenticate(token)).toBeUndefined();
      expect(await tokens.isActive(info.id)).toBe(false);
    });

    it('lists the audit trail newest first and pages back', async () => {
      const entries = await db.store.auditEntries(undefined, 2);
      expect(entries.map((e) => e.action)).toEqual(['token.revoked', 'token.created']);
      const older = await db.store.auditEntries(entries[1]?.id, 1);
      expect(older[0]?.action).toBe('update.posted');
      expect(older[0]?.seq).toBeGreaterThan(0);
    });

    it('remembers an idempotent answer in the same transaction as the write', async () => {
      const updates = createUpdateService(db.store, new DomainEvents(), clock);
      const keyed = { ...ctx, idempotency: { key: 'contract-key', fingerprint: 'f1' } };
      const first = await updates.post('npt', { headline: 'Once only' }, keyed);
      await expect(updates.post('npt', { headline: 'Once only' }, keyed)).rejects.toMatchObject({
        name: 'IdempotentReplay',
        outcome: 'created',
      });
      expect((await db.store.findIdempotency(CLI_PRINCIPAL.tokenId, 'contract-key'))?.response).toEqual(first.body);
    });

    it('holds an embargo outside the log and publishes it exactly once, however many schedulers see it due', async () => {
      let now = NOW;
      const later = () => now;
      const posted = await createUpdateService(db.store, new DomainEvents(), later).post(
        'npt',
        { headline: 'Under embargo', status: 'in_force', publishAt: '2026-11-24T13:00:00.000Z' },
        ctx,
      );
      expect(posted.outcome).toBe('scheduled');
      const seq = await db.store.currentSeq();
      expect(await db.store.dueScheduled(NOW.toISOString(), 10)).toEqual([]);
      expect((await db.store.listScheduled('scheduled', 10)).map((s) => s.headline)).toEqual(['Under embargo']);
      expect((await db.store.latestUpdates(1))[0]?.headline).not.toBe('Under embargo');

      now = new Date('2026-11-24T13:00:00.000Z');
      // Two schedulers that both saw it due, as two processes would.
      const [here, there] = await Promise.all([
        createEmbargoService(db.store, new DomainEvents(), later).publishDue(),
        createEmbargoService(db.store, new DomainEvents(), later).publishDue(),
      ]);
      expect(here.changes.length + there.changes.length).toBe(1);
      expect(await db.store.currentSeq()).toBe(seq + 1);
      const [published] = await db.store.latestUpdates(1);
      expect(published).toMatchObject({
        headline: 'Under embargo',
        occurredAt: '2026-11-24T13:00:00.000Z',
        publishedAt: '2026-11-24T13:00:00.000Z',
      });
      expect(await db.store.getScheduled(published?.id ?? '')).toMatchObject({ state: 'published', publishedSeq: seq + 1 });
      expect(await db.store.dueScheduled(now.toISOString(), 10)).toEqual([]);
    });

    it('keeps an outbox per webhook endpoint: queued with the change, oldest first, pruned and removed with it', async () => {
      const hooks = createWebhookService(
        db.store,
        { targets: webhookTargets(true), timeoutMs: 1000, publicUrl: () => 'http://127.0.0.1' },
        clock,
      );
      const { endpoint } = (await hooks.create({ url: 'http://127.0.0.1:9/hook', treaties: ['cfe'] }, ctx)).value;
      const updates = createUpdateService(db.store, new DomainEvents(), clock);
      const seqs: number[] = [];
      for (const headline of ['Hook one', 'Hook two']) {
        const posted = (await updates.post('cfe', { headline }, ctx)).value;
        if ('change' in posted) seqs.push(posted.change.seq);
      }
      await updates.post('npt', { headline: 'Not for this endpoint' }, ctx);
      const queued = await db.store.webhookDeliveries(endpoint.id, { limit: 10 });
      expect(queued.map((d) => [d.seq, d.state])).toEqual([...seqs].reverse().map((seq) => [seq, 'pending']));

      const head = await db.store.transaction((tx) => tx.pendingHead(endpoint.id));
      expect(head?.seq).toBe(seqs[0]);
      expect(head?.change.update?.headline).toBe('Hook one');
      if (!head) throw new Error('nothing pending');
      const { change: _change, ...delivery } = head;
      await db.store.transaction((tx) => tx.saveDelivery({ ...delivery, state: 'delivered', attempts: 1 }));
      expect((await db.store.transaction((tx) => tx.pendingHead(endpoint.id)))?.seq).toBe(seqs[1]);
      expect((await db.store.webhookDeliveries(endpoint.id, { state: 'delivered', limit: 10 })).map((d) => d.seq)).toEqual([seqs[0]]);

      expect(await db.store.transaction((tx) => tx.pruneDeliveries(NOW.toISOString()))).toBe(0);
      expect(await db.store.transaction((tx) => tx.pruneDeliveries(new Date(NOW.getTime() + 1).toISOString()))).toBe(1);
      await hooks.remove(endpoint.id, ctx);
      expect(await db.store.getWebhook(endpoint.id)).toBeUndefined();
      expect(await db.store.webhookDeliveries(endpoint.id, { limit: 10 })).toEqual([]);
    });

    it('names in a refold only the updates whose meaning it changed', async () => {
      const updates = createUpdateService(db.store, new DomainEvents(), clock);
      const changeOf = (written: Awaited<ReturnType<typeof updates.post>>) =>
        'change' in written.value ? written.value.change : undefined;
      const suspended = changeOf(await updates.post('tpnw', { headline: 'Suspended today', status: 'suspended' }, ctx));
      await updates.post('tpnw', { headline: 'A note today' }, ctx);
      const earlier = changeOf(
        await updates.post(
          'tpnw',
          { headline: 'Suspended a day earlier', status: 'suspended', occurredAt: '2026-11-23T12:00:00.000Z' },
          ctx,
        ),
      );
      expect(earlier?.revised?.map((u) => u.id)).toEqual([suspended?.update.id]);
    });

    it('serves the same board after reopening', async () => {
      const board = createBoardService(db.store, 'test', new LastAnswers(), clock);
      const before = await board.snapshot();
      const again = await db.handle.reopen();
      try {
        expect(await createBoardService(again, 'test', new LastAnswers(), clock).snapshot()).toEqual(before);
      } finally {
        await again.close();
      }
    });
  });
}

contract('SQLite', sqliteTestStore);
contract('PostgreSQL', pgTestStore, !DATABASE_URL);
