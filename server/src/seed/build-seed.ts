import { endOfDay, startOfDay, type Source, type Status } from '@treaty-watch/shared';
import type { NewLogEntry } from '../store/log-entry';
import { CATALOGUE, EVENT_NOTES } from './catalogue';
import facts from './facts.json' with { type: 'json' };
import { boardStatusOf } from './status-map';
import { partyEntries } from './party-seed';
import { CORRECTIONS, type SeedCorrection } from './corrections';
import { SHEET_MOVES, type SheetMove } from './party-facts';
import { ACTOR, seedPost } from './seed-post';

/** The fact sheet's shape: the project's own copy, or an older one a running board was seeded from. */
export type FactSheet = typeof facts;

function sourceOf(url: string): Source {
  return { title: new URL(url).hostname.replace(/^www\./, ''), url };
}

const byEffectiveAt = (a: NewLogEntry, b: NewLogEntry) => (a.effectiveAt < b.effectiveAt ? -1 : a.effectiveAt > b.effectiveAt ? 1 : 0);

/**
 * The log a fresh board starts from: for each treaty a `treaty.created` at its first dated
 * event (negotiating until its signature), each fact-sheet event as an update, and the
 * treaty's term as `treaty.changed` entries.
 *
 * Treaties are created first, in the catalogue's order (the board lists them so); then every
 * other entry follows in date order across all treaties, so the highest seqs are the newest
 * events and the live feed opens on them. Within a treaty that is also effective order, so
 * appending needs no backdated rebuild.
 */
export function buildSeedEntries(
  recordedAt: string,
  sheet: FactSheet = facts,
  moves: readonly SheetMove[] = SHEET_MOVES,
  corrections: readonly SeedCorrection[] = CORRECTIONS,
): NewLogEntry[] {
  const creations: NewLogEntry[] = [];
  const history: NewLogEntry[] = [];
  CATALOGUE.forEach((meta) => {
    const treaty = sheet.treaties.find((t) => t.short_name === meta.factsName);
    if (!treaty) throw new Error(`facts.json has no treaty "${meta.factsName}"`);
    const events = sheet.events.filter((e) => e.treaty === meta.factsName);
    const first = events[0];
    if (!first) throw new Error(`facts.json has no events for "${meta.factsName}"`);

    creations.push({
      treatyId: meta.id,
      effectiveAt: startOfDay(first.date),
      recordedAt,
      actor: ACTOR,
      payload: {
        kind: 'treaty.created',
        status: 'negotiating',
        fields: {
          name: treaty.official_name,
          shortName: meta.shortName,
          parties: treaty.parties,
          category: meta.category,
          summary: treaty.key_limits,
          ...(meta.limits ? { limits: meta.limits } : {}),
          sources: treaty.sources.map(sourceOf),
        },
      },
    });

    let status: Status = 'negotiating';
    events.forEach((event, index) => {
      const mapped = boardStatusOf(event.status_after);
      const changes = mapped !== undefined && mapped !== status;
      if (changes) status = mapped;
      // An expiry takes effect at the end of its day: a treaty that expires on 5 February is still in force that day.
      const occurredAt = changes && mapped === 'expired' ? endOfDay(event.date) : startOfDay(event.date);
      const note = EVENT_NOTES.find((n) => n.treaty === meta.id && n.date === event.date && event.headline.includes(n.headline));
      history.push(
        seedPost(meta.id, recordedAt, {
          id: `seed-${meta.id}-${String(index + 1).padStart(2, '0')}`,
          headline: event.headline,
          ...(note ? { body: note.note } : {}),
          ...(changes ? { requestedStatus: mapped } : {}),
          sourceUrl: event.source,
          occurredAt,
        }),
      );
    });

    for (const term of meta.terms ?? []) {
      history.push({
        treatyId: meta.id,
        effectiveAt: startOfDay(term.effective),
        recordedAt,
        actor: ACTOR,
        payload: { kind: 'treaty.changed', fields: { expiresAt: endOfDay(term.expires) } },
      });
    }
  });
  for (const correction of corrections) {
    const created = creations.find((c) => c.treatyId === correction.treatyId);
    if (!created) continue;
    history.push({
      treatyId: correction.treatyId,
      effectiveAt: correction.at === 'creation' ? created.effectiveAt : correction.at,
      recordedAt,
      actor: ACTOR,
      payload: { kind: 'treaty.changed', fields: correction.fields ?? {}, ...(correction.clear ? { clear: correction.clear } : {}) },
    });
  }
  history.push(...partyEntries(moves, recordedAt));
  // Stable: same-day entries keep the fact sheet's order, and a term follows its event.
  return [...creations, ...history.sort(byEffectiveAt)];
}
