/** A record's own entry for `key`: ids come from outside, and `highlights.constructor` would otherwise be Object's. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
