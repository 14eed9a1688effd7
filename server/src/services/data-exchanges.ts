import type { DataExchange, DataExchangesResponse, Forces } from '@treaty-watch/shared';
import facts from '../seed/facts.json' with { type: 'json' };
import { DomainError } from './errors';

type FactForces = { deployed_launchers: number | null; deployed_warheads: number | null; total_launchers: number | null };

const forces = (f: FactForces): Forces => ({
  deployedLaunchers: f.deployed_launchers,
  deployedWarheads: f.deployed_warheads,
  totalLaunchers: f.total_launchers,
});

/** New START's central limits took effect seven years after entry into force (facts README, "Accuracy notes"). */
const LIMITS_FROM = '2018-02-05';

/** The US figures of 2023-03-01 were published by the US alone, Russia having stopped the exchanges. */
const VOLUNTARY_US = new Set(['2023-03-01']);

/** The fact sheet's caveats on single rows (facts README, "Uncertain points"). */
const CAVEATS: ReadonlyMap<string, string> = new Map([
  [
    '2018-02-05',
    'Mixes sources: the State Department figures as the Valdai Club cites them, and one Russian figure (779) from the Russian Foreign Ministry.',
  ],
  ['2021-03-01', 'Russian Foreign Ministry figures, not a State Department fact sheet.'],
  ['2022-03-01', 'Russian Foreign Ministry figures, not a State Department fact sheet.'],
  ['2022-09-01', 'The last Russian figures reported.'],
  ['2023-03-01', 'A voluntary US publication, not a data exchange: Russia provided no data.'],
]);

/** New START's data exchanges as the fact sheet gives them, each with its source and caveat. */
const EXCHANGES: ReadonlyMap<string, DataExchange[]> = new Map([
  [
    'new-start',
    facts.new_start_data_exchanges.map((row) => {
      const caveat = CAVEATS.get(row.as_of);
      return {
        asOf: row.as_of,
        us: forces(row.us),
        russia: forces(row.russia),
        source: row.source,
        note: row.source_note,
        kind: VOLUNTARY_US.has(row.as_of) ? 'voluntary_us_publication' : 'data_exchange',
        limitsApply: row.as_of >= LIMITS_FROM,
        ...(caveat ? { caveat } : {}),
      } satisfies DataExchange;
    }),
  ],
]);

export function dataExchangesOf(treatyId: string): DataExchangesResponse {
  const exchanges = EXCHANGES.get(treatyId);
  if (!exchanges) throw new DomainError('not_found', `The fact sheet has no data exchanges for "${treatyId}".`);
  return { treatyId, limitsFrom: LIMITS_FROM, exchanges };
}
