import { describe, expect, it } from 'vitest';
import { createTreatyBodySchema, type Change } from '@treaty-watch/shared';
import { DomainEvents } from '../../server/src/services/domain-events';
import { createEmbargoService } from '../../server/src/services/embargo-service';
import { createExpiryService } from '../../server/src/services/expiry-service';
import { commitEntry } from '../../server/src/services/log-writer';
import { CLI_PRINCIPAL } from '../../server/src/services/principal';
import { createTreatyService } from '../../server/src/services/treaty-service';
import { createUpdateService } from '../../server/src/services/update-service';
import { write } from '../../server/src/services/write';
import type { StoreTx } from '../../server/src/store/store';
import { DATABASE_URL, pgTestStore, sqliteTestStore, type TestStore, useStore } from '../support/stores';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const ctx = { principal: CLI_PRINCIPAL };

/** The write path publishes every committed change to the bus, whatever wrote it, and nothing else. */
function publishedChanges(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`committed changes on the ${name} store`, () => {
    const db = useStore(open, { seededAt: NOW });
    let now = NOW;
    const clock = () => now;
    const events = new DomainEvents();
    const published: Change[] = [];
    events.on('change.committed', (change) => published.push(change));

    it('reaches a subscriber for every kind of change, from requests and from the scheduler alike', async () => {
      const treaties = createTreatyService(db.store, events, clock);
      const updates = createUpdateService(db.store, events, clock);
      const from = await db.store.currentSeq();
      const body = createTreatyBodySchema.parse({
        id: 'bus',
        name: 'Bus Treaty',
        shortName: 'Bus',
        category: 'strategic_arms',
        status: 'in_force',
        expiresAt: '2026-11-25T00:00:00.000Z',
      });
      const created = await treaties.create(body, ctx);
      await treaties.change('bus', { summary: 'Changed' }, created.value.treaty.version, ctx);
      const posted = await updates.post('bus', { headline: 'Posted' }, ctx);
      const updateId = 'change' in posted.value ? posted.value.change.update.id : '';
      await updates.correct(updateId, { headline: 'Corrected' }, ctx);
      await updates.retract(updateId, 'Wrong', ctx);
      const embargoed = await updates.post('bus', { headline: 'Embargoed', publishAt: '2026-11-24T18:00:00.000Z' }, ctx);
      expect(embargoed.outcome).toBe('scheduled');
      const fromRequests = ['treaty.created', 'treaty.changed', 'update.posted', 'update.corrected', 'update.retracted'];
      expect(published.map((c) => c.kind)).toEqual(fromRequests);

      now = new Date('2026-11-25T01:00:00.000Z');
      await createEmbargoService(db.store, events, clock).publishDue();
      await createExpiryService(db.store, events, clock).expireDue();

      expect(published.map((c) => c.kind)).toEqual([...fromRequests, 'update.posted', 'treaty.expired']);
      expect(published[5]?.update?.headline).toBe('Embargoed');
      // Exactly what the log holds, once each, in seq order.
      expect(published).toEqual(await db.store.changesAfter(from, 100));
    });

    it('publishes nothing for a write that fails, is rolled back or is a retry', async () => {
      const count = published.length;
      const seq = await db.store.currentSeq();
      const updates = createUpdateService(db.store, events, clock);
      await expect(updates.post('bus', { headline: 'After the end', status: 'in_force' }, ctx)).rejects.toThrow();
      await expect(updates.post('no-such-treaty', { headline: 'Nowhere' }, ctx)).rejects.toThrow();
      const recordThen = (fail: boolean) => ({
        async work(tx: StoreTx) {
          await commitEntry(tx, {
            treatyId: 'npt',
            effectiveAt: now.toISOString(),
            recordedAt: now.toISOString(),
            actor: 'test',
            payload: { kind: 'treaty.changed', fields: { summary: 'never' } },
          });
          if (fail) throw new Error('refused after recording the change');
        },
        audit: () => undefined,
        answer: () => ({ outcome: 'done' as const, body: null }),
      });
      await expect(write(db.store, ctx, now, recordThen(true), events)).rejects.toThrow('refused after recording the change');
      // A write given no bus cannot commit a change nobody would hear of.
      await expect(write(db.store, ctx, now, recordThen(false))).rejects.toThrow('no domain event bus');
      expect((await db.store.getTreaty('npt'))?.summary).not.toBe('never');
      const keyed = { ...ctx, idempotency: { key: 'bus-key', fingerprint: 'f' } };
      await updates.post('npt', { headline: 'Once' }, keyed);
      await expect(updates.post('npt', { headline: 'Once' }, keyed)).rejects.toMatchObject({
        name: 'IdempotentReplay',
        outcome: 'created',
      });

      expect(published.slice(count).map((c) => c.update?.headline)).toEqual(['Once']);
      expect(await db.store.currentSeq()).toBe(seq + 1);
    });

    it('still gives every subscriber the change when one of them throws, and the write succeeds', async () => {
      const failures: unknown[] = [];
      const bus = new DomainEvents((error) => failures.push(error));
      const seen: number[] = [];
      bus.on('change.committed', () => {
        throw new Error('a broken subscriber');
      });
      bus.on('change.committed', (change) => seen.push(change.seq));
      const written = await createUpdateService(db.store, bus, clock).post('npt', { headline: 'Despite it' }, ctx);
      expect(written.outcome).toBe('created');
      expect(seen).toEqual([await db.store.currentSeq()]);
      expect(failures).toHaveLength(1);
    });
  });
}

publishedChanges('SQLite', sqliteTestStore);
publishedChanges('PostgreSQL', () => pgTestStore(), !DATABASE_URL);
