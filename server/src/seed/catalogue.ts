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

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    factsName: 'INF Treaty',
    id: 'inf',
    shortName: 'INF Treaty',
    category: 'intermediate_range',
    limits: [
      { label: 'Banned ground-launched missile range, from', value: 500, unit: 'km' },
      { label: 'Banned ground-launched missile range, to', value: 5500, unit: 'km' },
      { label: 'Missiles eliminated by May 1991', value: 2692, unit: 'missiles' },
    ],
  },
  {
    factsName: 'New START',
    id: 'new-start',
    shortName: 'New START',
    category: 'strategic_arms',
    limits: [
      { label: 'Deployed ICBMs, SLBMs and heavy bombers', value: 700, unit: 'launchers' },
      { label: 'Warheads on deployed ICBMs, SLBMs and heavy bombers', value: 1550, unit: 'warheads' },
      { label: 'Deployed and non-deployed launchers and heavy bombers', value: 800, unit: 'launchers' },
      { label: 'On-site inspections a year', value: 18, unit: 'inspections' },
    ],
    terms: [
      { effective: '2011-02-05', expires: '2021-02-05' },
      { effective: '2021-02-03', expires: '2026-02-05' },
    ],
  },
  { factsName: 'Open Skies Treaty', id: 'open-skies', shortName: 'Open Skies', category: 'confidence_building' },
  {
    factsName: 'ABM Treaty',
    id: 'abm',
    shortName: 'ABM Treaty',
    category: 'missile_defence',
    limits: [
      { label: 'ABM deployment areas (1974 protocol)', value: 1, unit: 'area' },
      { label: 'ABM interceptors (1974 protocol)', value: 100, unit: 'interceptors' },
    ],
  },
  { factsName: 'CTBT', id: 'ctbt', shortName: 'CTBT', category: 'test_ban' },
  { factsName: 'NPT', id: 'npt', shortName: 'NPT', category: 'non_proliferation' },
  {
    factsName: 'CFE Treaty',
    id: 'cfe',
    shortName: 'CFE Treaty',
    category: 'conventional_forces',
    limits: [
      { label: 'Tanks per group of states', value: 20000, unit: 'tanks' },
      { label: 'Armoured combat vehicles per group', value: 30000, unit: 'vehicles' },
      { label: 'Artillery pieces per group', value: 20000, unit: 'pieces' },
      { label: 'Combat aircraft per group', value: 6800, unit: 'aircraft' },
      { label: 'Attack helicopters per group', value: 2000, unit: 'helicopters' },
    ],
  },
  { factsName: 'TPNW', id: 'tpnw', shortName: 'TPNW', category: 'prohibition' },
  {
    factsName: 'START I',
    id: 'start-i',
    shortName: 'START I',
    category: 'strategic_arms',
    limits: [
      { label: 'Strategic nuclear delivery vehicles', value: 1600, unit: 'vehicles' },
      { label: 'Accountable warheads', value: 6000, unit: 'warheads' },
      { label: 'Ballistic missile warheads', value: 4900, unit: 'warheads' },
    ],
    terms: [{ effective: '1994-12-05', expires: '2009-12-05' }],
  },
  {
    factsName: 'SORT (Moscow Treaty)',
    id: 'sort',
    shortName: 'SORT',
    category: 'strategic_arms',
    limits: [
      { label: 'Strategic nuclear warheads by 2012-12-31, at least', value: 1700, unit: 'warheads' },
      { label: 'Strategic nuclear warheads by 2012-12-31, at most', value: 2200, unit: 'warheads' },
    ],
    terms: [{ effective: '2003-06-01', expires: '2012-12-31' }],
  },
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
