import type { DataExchange, DataExchangesResponse, Forces } from '@treaty-watch/shared';
import facts from '../seed/facts.json' with { type: 'json' };
import { DomainError } from './errors';

type FactForces = { deployed_launchers: number | null; deployed_warheads: number | null; total_launchers: number | null };

const forces = (f: FactForces): Forces => ({
  deployedLaunchers: f.deployed_launchers,
  deployedWarheads: f.deployed_warheads,
  totalLaunchers: f.total_launchers,
});

/** New START's data exchanges as the fact sheet gives them, each with its source and caveat; a Map, since the id comes from the URL. */
const EXCHANGES = new Map<string, DataExchange[]>([
  [
    'new-start',
    facts.new_start_data_exchanges.map((row) => ({
      asOf: row.as_of,
      us: forces(row.us),
      russia: forces(row.russia),
      source: row.source,
      note: row.source_note,
    })),
  ],
]);

export function dataExchangesOf(treatyId: string): DataExchangesResponse {
  const exchanges = EXCHANGES.get(treatyId);
  if (!exchanges) throw new DomainError('not_found', `The fact sheet has no data exchanges for "${treatyId}".`);
  return { treatyId, exchanges };
}
