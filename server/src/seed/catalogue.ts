import type { Category, Limit } from '@treaty-watch/shared';

/**
 * What the board needs of each treaty beyond `facts.json`: its slug, category, a short name
 * that fits a card, numeric limits read from the fact sheet's `key_limits`, and its term.
 * Every number here is one the fact sheet states; nothing is added that it does not hold.
 */
export interface CatalogueEntry {
  /** `short_name` in facts.json, which its events refer to. */
  factsName: string;
  id: string;
  shortName: string;
  category: Category;
  limits?: Limit[];
  /** Term changes: from `effective` (a date), the treaty runs to the end of `expires`. */
  terms?: { effective: string; expires: string }[];
}

/** A limit as the fact sheet states it: what, how many, counted in what. */
type LimitRow = [label: string, value: number, unit: string];
const limits = (...rows: LimitRow[]): Limit[] => rows.map(([label, value, unit]) => ({ label, value, unit }));

/** A term of the treaty: in force from `effective` to the end of `expires`. */
const term = (effective: string, expires: string) => ({ effective, expires });

/** A treaty whose card shows the name facts.json gives it, unless `more` says another. */
const treaty = (
  factsName: string,
  id: string,
  category: Category,
  more: Pick<CatalogueEntry, 'limits' | 'terms'> & { shortName?: string } = {},
): CatalogueEntry => ({ factsName, id, shortName: factsName, category, ...more });

export const CATALOGUE: readonly CatalogueEntry[] = [
  treaty('INF Treaty', 'inf', 'intermediate_range', {
    limits: limits(
      ['Banned ground-launched missile range, from', 500, 'km'],
      ['Banned ground-launched missile range, to', 5500, 'km'],
      ['Missiles eliminated by May 1991', 2692, 'missiles'],
    ),
  }),
  treaty('New START', 'new-start', 'strategic_arms', {
    limits: limits(
      ['Deployed ICBMs, SLBMs and heavy bombers', 700, 'launchers'],
      ['Warheads on deployed ICBMs, SLBMs and heavy bombers', 1550, 'warheads'],
      ['Deployed and non-deployed launchers and heavy bombers', 800, 'launchers'],
      ['On-site inspections a year', 18, 'inspections'],
    ),
    terms: [term('2011-02-05', '2021-02-05'), term('2021-02-03', '2026-02-05')],
  }),
  treaty('Open Skies Treaty', 'open-skies', 'confidence_building', { shortName: 'Open Skies' }),
  treaty('ABM Treaty', 'abm', 'missile_defence', {
    limits: limits(['ABM deployment areas (1974 protocol)', 1, 'area'], ['ABM interceptors (1974 protocol)', 100, 'interceptors']),
  }),
  treaty('CTBT', 'ctbt', 'test_ban'),
  treaty('NPT', 'npt', 'non_proliferation'),
  treaty('CFE Treaty', 'cfe', 'conventional_forces', {
    limits: limits(
      ['Tanks per group of states', 20000, 'tanks'],
      ['Armoured combat vehicles per group', 30000, 'vehicles'],
      ['Artillery pieces per group', 20000, 'pieces'],
      ['Combat aircraft per group', 6800, 'aircraft'],
      ['Attack helicopters per group', 2000, 'helicopters'],
    ),
  }),
  treaty('TPNW', 'tpnw', 'prohibition'),
  treaty('START I', 'start-i', 'strategic_arms', {
    limits: limits(
      ['Strategic nuclear delivery vehicles', 1600, 'vehicles'],
      ['Accountable warheads', 6000, 'warheads'],
      ['Ballistic missile warheads', 4900, 'warheads'],
    ),
    terms: [term('1994-12-05', '2009-12-05')],
  }),
  treaty('SORT (Moscow Treaty)', 'sort', 'strategic_arms', {
    shortName: 'SORT',
    limits: limits(
      ['Strategic nuclear warheads by 2012-12-31, at least', 1700, 'warheads'],
      ['Strategic nuclear warheads by 2012-12-31, at most', 2200, 'warheads'],
    ),
    terms: [term('2003-06-01', '2012-12-31')],
  }),
];

/**
 * The fact sheet's caveats (facts/README.md, "Uncertain points"), kept on the events they
 * qualify so the board shows them as uncertain. `headline` picks one event of that day.
 */
export interface EventNote {
  treaty: string;
  date: string;
  headline: string;
  note: string;
}

export const EVENT_NOTES: readonly EventNote[] = [
  { treaty: 'inf', date: '2019-09-19', headline: 'letters', note: 'The date of the letter comes only from Kommersant.' },
  {
    treaty: 'new-start',
    date: '2020-10-20',
    headline: 'Foreign Ministry offers',
    note: 'The warhead-freeze offer came from the Russian Foreign Ministry, not from Putin himself.',
  },
  {
    treaty: 'new-start',
    date: '2026-02-05',
    headline: 'Axios',
    note: 'Not confirmed in the sources seen as of February 2026.',
  },
  { treaty: 'cfe', date: '1992-11-09', headline: 'enters into force', note: 'The exact day rests on secondary copies.' },
  {
    treaty: 'cfe',
    date: '2023-12-07',
    headline: 'US suspension',
    note: 'This is the US date; other allies suspended the treaty on their own dates (Canada 2024-02-07).',
  },
];
