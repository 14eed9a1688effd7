import type { DataExchange, Forces, Limit } from '@treaty-watch/shared';

export interface ExchangeRow {
  asOf: string;
  'United States': number | null;
  Russia: number | null;
  /** The limit where it applied (from 2018-02-05): figures above it before then were no breach. */
  Limit: number | null;
  source: string;
  note: string;
  caveat: string | undefined;
  voluntary: boolean;
}

export const isVoluntary = (e: DataExchange) => e.kind === 'voluntary_us_publication';

export function exchangeRows(exchanges: DataExchange[], measure: keyof Forces, limit: Limit | undefined): ExchangeRow[] {
  return exchanges.map((e) => ({
    asOf: e.asOf,
    'United States': e.us[measure],
    Russia: e.russia[measure],
    Limit: limit && e.limitsApply ? limit.value : null,
    source: e.source,
    note: e.note,
    caveat: e.caveat,
    voluntary: isVoluntary(e),
  }));
}
