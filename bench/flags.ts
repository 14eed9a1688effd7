import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The command line of a bench script; an unknown or malformed flag stops it with a message that names it. */
export function readFlags<T extends NonNullable<ParseArgsConfig['options']>>(options: T) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}

/** A whole number from `min` to `max` given to `--name`. */
export function wholeNumber(name: string, value: string | undefined, min = 1, max = 1_000_000): number {
  const n = Number(value);
  if (!/^\d{1,7}$/.test(value ?? '') || n < min || n > max) {
    process.stderr.write(`--${name} takes a whole number from ${min} to ${max}, not ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}

/** A comma-separated list of whole numbers given to `--name`. */
export function wholeNumbers(name: string, value: string): number[] {
  return value.split(',').map((item) => wholeNumber(name, item.trim()));
}
