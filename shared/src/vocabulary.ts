import { z } from 'zod';

/**
 * A closed vocabulary written once, as the label each word shows as: its words in that order,
 * and the zod enum that accepts them. Adding a word is one line.
 */
export function vocabulary<const Word extends string>(labels: Record<Word, string>) {
  const words = Object.keys(labels) as [Word, ...Word[]];
  return { words: words as Readonly<typeof words>, schema: z.enum(words), labels };
}
