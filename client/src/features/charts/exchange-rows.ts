import type { DataExchange, Forces, Limit } from '@treaty-watch/shared';

/**
 * New START's central limits applied "by 2018-02-05 and thereafter" (the fact sheet's
 * key_limits): figures above them in 2011–2017 are not breaches, so no limit is drawn there.
 */
export const LIMITS_TAKE_EFFECT = '2018-02-05';

/** Not a data exchange: after Russia stopped exchanging, the US published its own figures (facts README, "Accuracy notes"). */
export const VOLUNTARY_US_PUBLICATIONS: ReadonlySet<string> = new Set(['2023-03-01']);

export interface ExchangeRow {
  asOf: string;
  'United States': number | null;
  Russia: number | null;
  /** The limit where it applied, so its line starts on the day the limits took effect. */
  Limit: number | null;
  source: string;
  note: string;
  voluntary: boolean;
}

export function exchangeRows(exchanges: DataExchange[], measure: keyof Forces, limit: Limit | undefined): ExchangeRow[] {
  return exchanges.map((e) => ({
    asOf: e.asOf,
    'United States': e.us[measure],
    Russia: e.russia[measure],
    Limit: limit && e.asOf >= LIMITS_TAKE_EFFECT ? limit.value : null,
    source: e.source,
    note: e.note,
    voluntary: VOLUNTARY_US_PUBLICATIONS.has(e.asOf),
  }));
}
