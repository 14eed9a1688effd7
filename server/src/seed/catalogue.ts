import { categorySchema, limitSchema, treatyIdSchema } from '@treaty-watch/shared';
import { z } from 'zod';
import catalogue from './catalogue.json' with { type: 'json' };

/**
 * What the board needs of each treaty beyond `facts.json`, kept in `catalogue.json`: its slug,
 * category, a short name that fits a card, numeric limits read from the fact sheet's
 * `key_limits`, and its term. Every number there is one the fact sheet states; nothing is added
 * that it does not hold.
 */
const catalogueEntrySchema = z
  .object({
    /** `short_name` in facts.json, which its events refer to. */
    factsName: z.string(),
    id: treatyIdSchema,
    /** The name a card shows, when it is not the fact sheet's. */
    shortName: z.string().optional(),
    category: categorySchema,
    limits: z.array(limitSchema).optional(),
    /** Term changes: from `effective` (a date), the treaty runs to the end of `expires`. */
    terms: z.array(z.object({ effective: z.iso.date(), expires: z.iso.date() })).optional(),
  })
  .strict()
  .transform(({ shortName, ...entry }) => ({ ...entry, shortName: shortName ?? entry.factsName }));
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const CATALOGUE: readonly CatalogueEntry[] = z.array(catalogueEntrySchema).parse(catalogue);

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
