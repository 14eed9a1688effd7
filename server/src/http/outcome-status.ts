import type { WriteOutcome } from '../store/store';

const STATUS: Record<WriteOutcome, number> = { created: 201, scheduled: 202, done: 200 };

/** The HTTP status a write's outcome is answered with, the first time and on every retry. */
export const statusOf = (outcome: WriteOutcome): number => STATUS[outcome];
