import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedEntries } from '../../server/src/seed/build-seed';
import { CORRECTIONS } from '../../server/src/seed/corrections';
import { SHEET_MOVES } from '../../server/src/seed/party-facts';
import { seedBoard } from '../../server/src/seed/seed-board';
import { commitEntry } from '../../server/src/services/log-writer';
import { postedEntry } from '../../server/src/services/posted-entry';
import oldFacts from '../fixtures/facts-before-parties.json' with { type: 'json' };
import { DATABASE_URL, pgTestStore, sqliteTestStore, type TestStore, useStore } from '../support/stores';

const EDITOR_AT = '2026-11-30T10:00:00.000Z';
const WIRE = 'wire-desk';

/**
 * A board seeded before issue 13 (main's fact sheet then: no per-state record, six CTBT events,
 * no corrections) with an editor's update, then started on the new code by two processes at once.
 */
function upgrade(name: string, open: () => Promise<TestStore>, skip = false) {
  describe.skipIf(skip)(`a ${name} board seeded from the older fact sheet`, () => {
    const db = useStore(open);
    beforeAll(async () => {
      await db.store.transaction(async (tx) => {
        for (const entry of buildSeedEntries('2026-11-24T00:00:00.000Z', oldFacts, [], [])) await commitEntry(tx, entry);
        await tx.saveWebhook({
          id: WIRE,
          url: 'https://wire.example/hook',
          secret: 'whsec_c2VjcmV0',
          format: 'standard',
          enabled: true,
          createdAt: EDITOR_AT,
        });
        await commitEntry(
          tx,
          postedEntry(
            { id: 'editor-1', treatyId: 'ctbt', headline: 'Desk note on the CTBT', occurredAt: EDITOR_AT, author: 'desk' },
            EDITOR_AT,
          ),
        );
      });
    });

    it('gains the four CTBT events and the per-state record exactly once, editors’ updates unchanged', async () => {
      const { handle, store } = db;
      const editorBefore = await store.getUpdate('editor-1');
      const ctbtBefore = (await store.treatyUpdates('ctbt')).filter((u) => !u.party).length;
      // A second process: its own connection to the same database.
      const other = await handle.reopen();
      const added = await Promise.all([seedBoard(store), seedBoard(other)]);
      await other.close();
      expect(added.sort((a, b) => a - b)).toEqual([0, 4 + SHEET_MOVES.length + CORRECTIONS.length]);
      expect(await seedBoard(store)).toBe(0);
      const ctbt = await store.treatyUpdates('ctbt');
      expect(ctbt.filter((u) => !u.party)).toHaveLength(ctbtBefore + 4);
      expect(ctbt.filter((u) => u.headline.startsWith('CTBTO: its monitoring system'))).toHaveLength(1);
      let parties = 0;
      for (const id of ['ctbt', 'tpnw', 'open-skies', 'cfe', 'npt'])
        parties += (await store.treatyUpdates(id)).filter((u) => u.party).length;
      expect(parties).toBe(SHEET_MOVES.length);
      expect(await store.getUpdate('editor-1')).toEqual(editorBefore);
      expect((await store.getTreaty('ctbt'))?.partySummary?.groups[0]).toMatchObject({ size: 44, ratified: 35 });
      const sort = await store.getTreaty('sort');
      expect(sort?.limits).toEqual([expect.objectContaining({ from: 1700, value: 2200, deadline: '2012-12-31' })]);
      expect(sort).not.toHaveProperty('expiresAt');
    });

    it('keeps the backfill out of the webhooks, the latest list and the live feed: it is history, not news', async () => {
      const { store } = db;
      const deliveries = await store.webhookDeliveries(WIRE, { limit: 500 });
      expect(deliveries.map((d) => d.seq)).toEqual([(await store.getUpdate('editor-1'))?.seq]);
      const latest = await store.latestUpdates(50);
      expect(latest[0]?.id).toBe('editor-1');
      expect(latest.filter((u) => u.party)).toEqual([]);
      expect(latest).toHaveLength(50);
      const seeded = await store.changesAfter((await store.getUpdate('editor-1'))?.seq ?? 0, 1000);
      expect(seeded.length).toBe(4 + SHEET_MOVES.length + CORRECTIONS.length);
      expect(seeded.every((change) => change.backfill === true)).toBe(true);
    });
  });
}

upgrade('SQLite', sqliteTestStore);
upgrade('PostgreSQL', pgTestStore, !DATABASE_URL);
