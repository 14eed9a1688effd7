import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs `work` with a URL whose connections land in a fresh schema, dropped afterwards. */
export async function inFreshSchema<T>(databaseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const schema = `tw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    return await work(`${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
