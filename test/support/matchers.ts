import { expect } from 'vitest';

/**
 * Vitest types its asymmetric matchers `any`, which would let anything into an expected object
 * unchecked; these stand where a string is expected.
 */
export const stringMatching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
export const stringContaining = (text: string): string => expect.stringContaining(text) as string;
