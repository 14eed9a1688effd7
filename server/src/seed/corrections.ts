import { endOfDay, type ClearableTreatyField, type TreatyFields } from '@treaty-watch/shared';

/**
 * Corrections of what the board showed from the first fact sheet (facts README, "Accuracy notes"
 * and "Uncertain points"), as `treaty.changed` entries of the seed: a board seeded before gets
 * them appended like any other new fact. `at: 'creation'` takes effect from the treaty's first
 * entry, so every as-of view reads the corrected value.
 */
export interface SeedCorrection {
  treatyId: string;
  /** 'creation', or the instant the correction takes effect from. */
  at: string;
  fields?: Partial<TreatyFields>;
  clear?: ClearableTreatyField[];
}

export const CORRECTIONS: readonly SeedCorrection[] = [
  {
    treatyId: 'sort',
    at: 'creation',
    // A ceiling range, not a floor of 1,700 and a cap of 2,200.
    fields: {
      limits: [
        {
          label: 'Operationally deployed strategic nuclear warheads, each side',
          from: 1700,
          value: 2200,
          unit: 'warheads',
          deadline: '2012-12-31',
        },
      ],
    },
  },
  // SORT ended when New START entered into force, before its 2012-12-31 date: no term was left to run.
  { treatyId: 'sort', at: endOfDay('2011-02-05'), clear: ['expiresAt'] },
  {
    treatyId: 'new-start',
    at: 'creation',
    fields: {
      caveats: [
        {
          field: 'expiresAt',
          note: 'Reported differently: the end of 4 or of 5 February 2026 (Peskov: "the end of Thursday"). The board’s end of 5 February UTC is one reading. Reports of an informal six-month arrangement were not confirmed in the sources seen.',
        },
      ],
    },
  },
  {
    treatyId: 'cfe',
    at: 'creation',
    fields: {
      caveats: [
        {
          field: 'inForceAt',
          note: 'The day (1992-11-09) rests on secondary copies; one gives 17 July 1992, likely the start of provisional application.',
        },
        { field: 'statusSince', note: 'The US date; other allies suspended the treaty on their own dates (Canada 2024-02-07).' },
        { field: 'parties', note: '29 states parties after Russia left is derived, not stated by a source.' },
      ],
    },
  },
  {
    treatyId: 'open-skies',
    at: 'creation',
    fields: { caveats: [{ field: 'parties', note: 'About 32 states parties is derived; RFE/RL reportedly says 33 remain.' }] },
  },
];
