import { countryCodeSchema, countryName, type StateTreatiesResponse, type TreatyPartiesResponse } from '@treaty-watch/shared';
import { PARTY_RECORDS } from '../seed/party-facts';
import type { Store } from '../store/store';
import { asOfMoment } from './as-of';
import { DomainError } from './errors';
import { countsOf, foldStates, movesOf } from './party-fold';

/** Reads of the per-state record: a treaty's states, now or as of a date, and one state across treaties. */
export function createPartyService(store: Store, clock: () => Date = () => new Date()) {
  return {
    async ofTreaty(treatyId: string, asOf?: string): Promise<TreatyPartiesResponse> {
      const at = asOf ? asOfMoment(asOf, clock()) : undefined;
      const treaty = await store.getTreaty(treatyId);
      if (!treaty) throw new DomainError('not_found', `There is no treaty "${treatyId}".`);
      const record = PARTY_RECORDS.get(treatyId);
      const moves = movesOf(await store.treatyUpdates(treatyId), at);
      const counts = countsOf(record, moves);
      return {
        treatyId,
        ...(at ? { asOf: at } : {}),
        complete: record?.complete ?? false,
        ...(record?.note ? { note: record.note } : {}),
        ...(counts ? { counts } : {}),
        groups: record?.groups ?? [],
        notes: record?.notes ?? [],
        states: foldStates(record, moves),
      };
    },

    async ofState(rawCode: string): Promise<StateTreatiesResponse> {
      const parsed = countryCodeSchema.safeParse(rawCode);
      if (!parsed.success) throw new DomainError('not_found', `There is no state "${rawCode.slice(0, 12)}".`);
      const code = parsed.data;
      const treaties: StateTreatiesResponse['treaties'] = [];
      for (const treaty of await store.listTreaties()) {
        const moves = movesOf(await store.treatyUpdates(treaty.id)).filter((m) => m.party.code === code);
        const state = foldStates(PARTY_RECORDS.get(treaty.id), moves).find((s) => s.code === code);
        if (state) treaties.push({ ...state, treatyId: treaty.id });
      }
      return { code, name: countryName(code), treaties };
    },
  };
}

export type PartyService = ReturnType<typeof createPartyService>;
