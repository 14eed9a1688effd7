/** SQLite keeps JSON as text; these read it back. */

/** One plucked JSON value, or undefined when the row (or the value) is missing. */
// The store reads back the JSON it wrote itself, so this is where that JSON takes its type.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export const parseOne = <T>(data: unknown): T | undefined =>
  data === undefined || data === null ? undefined : (JSON.parse(data as string) as T);

/** Plucked JSON values, one per row. */
export const parseEach = <T>(values: unknown[]): T[] => values.map((data) => JSON.parse(data as string) as T);

/** Rows whose `data` column holds the JSON. */
export const parseData = <T>(rows: unknown[]): T[] => rows.map((row) => JSON.parse((row as { data: string }).data) as T);
