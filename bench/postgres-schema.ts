import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { urlForSchema } from '../test/support/stores';

/** A schema of the bench's own on the database at `databaseUrl`, for servers started as processes; `drop` removes it with all it holds. */
export async function benchSchema(databaseUrl: string): Promise<{ schema: string; url: string; drop(): Promise<void> }> {
  const schema = `tw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    url: urlForSchema(schema, databaseUrl),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
