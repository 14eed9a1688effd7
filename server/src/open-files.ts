import { readFileSync } from 'node:fs';

export type Limit = number | 'unlimited';

export interface OpenFileLimit {
  soft: Limit;
  hard: Limit;
}

const asLimit = (value: string): Limit => (value === 'unlimited' ? value : Number(value));

/** The "Max open files" line of a /proc/<pid>/limits table. */
export function parseOpenFileLimit(limits: string): OpenFileLimit | undefined {
  const match = /^Max open files[ \t]+(\d{1,20}|unlimited)[ \t]+(\d{1,20}|unlimited)[ \t]+files[ \t]*$/m.exec(limits);
  return match ? { soft: asLimit(match[1] ?? ''), hard: asLimit(match[2] ?? '') } : undefined;
}

/** A process's limit (this one's unless a pid is given) where the system tells it (Linux); Node has no getrlimit of its own. */
export function openFileLimit(pid: number | 'self' = 'self'): OpenFileLimit | undefined {
  try {
    return parseOpenFileLimit(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  } catch {
    return undefined;
  }
}
